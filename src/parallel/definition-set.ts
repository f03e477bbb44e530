import type { DefinitionRef } from "../load/load-definitions";
import type { DefinitionCheckOptions } from "../validate/validate-definition";
import { checkShare, readShare, type CheckedShare, type ReadShare } from "./check-definitions";
import type { HelperThread } from "./helper-thread";

/**
 * The definition files of a run, read (and hashed) as soon as the set is opened, checked on demand.
 * With a helper thread, it takes the second half of the files. Results keep the files' order
 * whichever thread did the work, so the output stays deterministic.
 */
export class DefinitionSet {
  private constructor(
    private readonly own: ReadShare,
    private readonly helper: HelperThread | undefined,
    private readonly helperRefs: readonly DefinitionRef[],
    /** Per file, in order: the hash of its bytes, or `undefined` when unreadable. */
    readonly hashes: readonly (string | undefined)[],
  ) {}

  static open(refs: readonly DefinitionRef[], helper: HelperThread | undefined): DefinitionSet {
    if (helper === undefined) {
      const own = readShare(refs);
      return new DefinitionSet(own, undefined, [], own.hashes);
    }
    const split = Math.ceil(refs.length / 2);
    const helperRefs = refs.slice(split);
    helper.post({ task: "read", refs: helperRefs });
    const own = readShare(refs.slice(0, split));
    const reply = helper.reply("read");
    if (reply !== undefined) return new DefinitionSet(own, helper, helperRefs, [...own.hashes, ...reply.hashes]);
    const rest = readShare(helperRefs);
    const all = { files: [...own.files, ...rest.files], hashes: [...own.hashes, ...rest.hashes] };
    return new DefinitionSet(all, undefined, [], all.hashes);
  }

  /** Parses and validates every file. */
  check(options: DefinitionCheckOptions): CheckedShare {
    if (this.helper === undefined) return checkShare(this.own.files, options);
    this.helper.post({ task: "check", options });
    const own = checkShare(this.own.files, options);
    const other = this.helper.reply("check")?.share ?? checkShare(readShare(this.helperRefs).files, options);
    return { diagnostics: [...own.diagnostics, ...other.diagnostics], definitions: [...own.definitions, ...other.definitions] };
  }
}
