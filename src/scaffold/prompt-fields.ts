import { MILESTONE_PATTERN } from "../validate/vocabulary";
import type { DefinitionFields, OptionalFieldName } from "./definition-fields";
import { fieldsToAsk, fieldsWithoutAsking, functionNameProblems, type NewDefinitionPlan } from "./new-definition";
import type { ProjectVocabulary } from "./project-vocabulary";
import { promptProperties } from "./prompt-properties";

type Prompts = typeof import("@inquirer/prompts");

const events = (count: number): string => `${count} event${count === 1 ? "" : "s"}`;

/**
 * Asks in the terminal for each field that the flags leave out, the template writes and the
 * project's rules require, offering what the project uses and may use (its identifiers and tiers)
 * as choices and the config's `defaults:` as answers. Rejects with inquirer's ExitPromptError when
 * the user presses Ctrl-C.
 */
export async function promptFields(plan: NewDefinitionPlan): Promise<DefinitionFields> {
  // Loaded only here: no other command, and no run of `new` that does not ask, pays for it.
  const prompts = require("@inquirer/prompts") as Prompts;
  const { vocabulary } = plan;
  const rules = plan.config.vocabulary;
  const fallback = fieldsWithoutAsking(plan).fields;
  const toAsk = fieldsToAsk(plan);
  const asks = (field: OptionalFieldName): boolean => toAsk.has(field);

  const functionName = asks("functionName") ? await promptFunctionName(prompts, plan) : fallback.functionName;
  const description = asks("description")
    ? (
        await prompts.input({
          message: "Description (what happened, as one sentence):",
          required: true,
        })
      ).trim()
    : fallback.description;
  const fromContext = new Set(plan.config.identifiers.filter((identifier) => identifier.fromContext).map((identifier) => identifier.name));
  const identifiers = asks("identifiers")
    ? await prompts.checkbox({
        message: "Identifiers the event is tracked with:",
        choices: vocabulary.identifiers.map(({ name, count }) => {
          const notes = [...(count === 0 ? [] : [events(count)]), ...(fromContext.has(name) ? ["from the tracking context"] : [])];
          return { value: name, name: notes.length === 0 ? name : `${name} (${notes.join(", ")})` };
        }),
      })
    : fallback.identifiers;
  const properties = asks("properties") ? await promptProperties(prompts, rules) : fallback.properties;
  const productGroup = asks("productGroup")
    ? await promptProductGroup(prompts, vocabulary, plan.config.definitionDefaults.product_group)
    : fallback.productGroup;
  const tiers = asks("tiers")
    ? await prompts.checkbox({
        message: "Tiers:",
        choices: rules.tiers.map((tier) => ({
          value: tier,
          checked: fallback.tiers?.includes(tier) ?? false,
        })),
        required: true,
      })
    : fallback.tiers;
  const trackers = asks("trackers")
    ? await prompts.checkbox<string>({
        message: `Extra trackers (called after ${vocabulary.trackers.defaults.join(", ") || "the default processors"}, in the order listed):`,
        choices: vocabulary.trackers.extra,
      })
    : fallback.trackers;
  const milestone = asks("milestone")
    ? (
        await prompts.input({
          message: "Milestone that introduces the event (like 18.0; empty for none):",
          ...(typeof fallback.milestone === "string" ? { default: fallback.milestone } : {}),
          validate: (value) => value.trim() === "" || MILESTONE_PATTERN.test(value.trim()) || "a milestone looks like 18.0",
        })
      ).trim() || null
    : fallback.milestone;
  const introducedByUrl = asks("introducedByUrl")
    ? (
        await prompts.input({
          message: "URL of the merge request that introduces it (empty for none yet):",
          ...(typeof fallback.introducedByUrl === "string" ? { default: fallback.introducedByUrl } : {}),
        })
      ).trim() || null
    : fallback.introducedByUrl;
  return {
    action: plan.action,
    functionName,
    description,
    identifiers,
    properties,
    productGroup,
    milestone,
    introducedByUrl,
    tiers,
    trackers,
  };
}

/** The event's own function name, checked as validation will check it, against the other events' too. */
async function promptFunctionName(prompts: Prompts, plan: NewDefinitionPlan): Promise<string> {
  const answer = await prompts.input({
    message: `Function name, like trackSomething (${plan.functionNameNeed}):`,
    validate: (value) => {
      const name = value.trim();
      if (name === "") return "the event needs a function name";
      return functionNameProblems({ action: plan.action, target: plan.target, existing: plan.existing, config: plan.config }, name)[0] ?? true;
    },
  });
  return answer.trim();
}

/**
 * A search over the known groups; typing a name no definition uses offers it as a new group. The
 * answer is the first group the list for the typed text offers unless it is one of them: a text
 * and its Enter that arrive in one write (a paste, a script) reach the prompt before the list for
 * that text does, and the prompt would answer with the highlighted group of the list before it,
 * while the screen confirms the group the new list offers.
 */
async function promptProductGroup(prompts: Prompts, vocabulary: ProjectVocabulary, preferred: string | undefined): Promise<string> {
  const known = vocabulary.productGroups;
  const first = known.filter((group) => group.name === preferred);
  const ordered = [...first, ...known.filter((group) => group.name !== preferred)];
  const choicesFor = (term: string | undefined): { value: string; name: string }[] => {
    const typed = (term ?? "").trim();
    const matches = ordered
      .filter((group) => group.name.includes(typed))
      .map((group) => ({
        value: group.name,
        name: `${group.name} (${events(group.count)})`,
      }));
    const isNew = typed !== "" && !known.some((group) => group.name === typed);
    const offered = preferred !== undefined && typed === "" && first.length === 0 ? [{ value: preferred, name: `${preferred} (the config's default)` }] : [];
    // Known groups first: typing part of a name must not make Enter pick a new group by mistake.
    return [...offered, ...matches, ...(isNew ? [{ value: typed, name: `${typed} (a new group)` }] : [])];
  };
  let searched: string | undefined;
  const answer = await prompts.search<string>({
    message: known.length === 0 ? "Product group (type its name):" : "Product group (type to search, or a new name):",
    source: (term) => {
      searched = term;
      return choicesFor(term);
    },
  });
  const offered = choicesFor(searched);
  return offered.some((choice) => choice.value === answer) ? answer : (offered[0]?.value ?? answer);
}
