import {
  BUILT_IN_PROPERTY_TYPES,
  MILESTONE_PATTERN,
  PROPERTY_NAME_PATTERN,
  PROPERTY_TYPES,
  PROTOTYPE_TRAPS,
  TIERS,
  UNTYPABLE_PROPERTY_NAMES,
  type PropertyType,
} from "../validate/vocabulary";
import type { DefinitionFields, OptionalFieldName, PropertyField } from "./definition-fields";
import { fieldsToAsk, fieldsWithoutAsking, type NewDefinitionPlan } from "./new-definition";
import type { ProjectVocabulary } from "./project-vocabulary";

type Prompts = typeof import("@inquirer/prompts");

const events = (count: number): string => `${count} event${count === 1 ? "" : "s"}`;

/**
 * Asks in the terminal for each field that the flags leave out and the template writes, offering
 * what the project already uses as choices and the config's `defaults:` as answers. Rejects with
 * inquirer's ExitPromptError when the user presses Ctrl-C.
 */
export async function promptFields(plan: NewDefinitionPlan): Promise<DefinitionFields> {
  // Loaded only here: no other command, and no run of `new` that does not ask, pays for it.
  const prompts = require("@inquirer/prompts") as Prompts;
  const { vocabulary } = plan;
  const fallback = fieldsWithoutAsking(plan).fields;
  const toAsk = fieldsToAsk(plan);
  const asks = (field: OptionalFieldName): boolean => toAsk.has(field);

  const description = asks("description")
    ? (
        await prompts.input({
          message: "Description (what happened, as one sentence):",
          required: true,
        })
      ).trim()
    : fallback.description;
  const identifiers = asks("identifiers")
    ? await prompts.checkbox({
        message: "Identifiers the event is tracked with:",
        choices: vocabulary.identifiers.map(({ name, count }) => ({
          value: name,
          name: count === 0 ? name : `${name} (${events(count)})`,
        })),
      })
    : fallback.identifiers;
  const properties = asks("properties") ? await promptProperties(prompts) : fallback.properties;
  const productGroup = asks("productGroup")
    ? await promptProductGroup(prompts, vocabulary, plan.config.definitionDefaults.product_group)
    : fallback.productGroup;
  const tiers = asks("tiers")
    ? await prompts.checkbox({
        message: "Tiers:",
        choices: TIERS.map((tier) => ({
          value: tier,
          checked: fallback.tiers.includes(tier),
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
          ...(fallback.milestone === null ? {} : { default: fallback.milestone }),
          validate: (value) => value.trim() === "" || MILESTONE_PATTERN.test(value.trim()) || "a milestone looks like 18.0",
        })
      ).trim() || null
    : fallback.milestone;
  const introducedByUrl = asks("introducedByUrl")
    ? (
        await prompts.input({
          message: "URL of the merge request that introduces it (empty for none yet):",
          ...(fallback.introducedByUrl === null ? {} : { default: fallback.introducedByUrl }),
        })
      ).trim() || null
    : fallback.introducedByUrl;
  return {
    action: plan.action,
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

/** Properties one at a time until an empty name; the type is asked only where GitLab does not fix it. */
async function promptProperties(prompts: Prompts): Promise<PropertyField[]> {
  const properties: PropertyField[] = [];
  for (;;) {
    const name = (
      await prompts.input({
        message: properties.length === 0 ? "Property name (empty for none):" : "Another property (empty when done):",
        validate: (value) => propertyNameProblem(value.trim(), properties) ?? true,
      })
    ).trim();
    if (name === "") return properties;
    const description = (
      await prompts.input({
        message: `Description of ${name}:`,
        required: true,
      })
    ).trim();
    const type = BUILT_IN_PROPERTY_TYPES.has(name)
      ? ""
      : await prompts.select<PropertyType | "">({
          message: `Type of ${name}:`,
          choices: [{ value: "", name: "string or number (GitLab's default)" }, ...PROPERTY_TYPES.map((value) => ({ value }))],
        });
    properties.push(type === "" ? { name, description } : { name, description, type });
  }
}

function propertyNameProblem(name: string, properties: readonly PropertyField[]): string | undefined {
  if (name === "") return undefined;
  if (!PROPERTY_NAME_PATTERN.test(name)) return "use lowercase snake_case, starting with a letter";
  if (PROTOTYPE_TRAPS.has(name) || UNTYPABLE_PROPERTY_NAMES.has(name)) return `"${name}" cannot be used: every JavaScript object has it already`;
  if (properties.some((property) => property.name === name)) return `"${name}" is given already`;
  return undefined;
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
