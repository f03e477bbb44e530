/**
 * Compiled, never run: the correct calls must type-check and every misuse must be rejected.
 * tsc fails on an unused `@ts-expect-error`, so each one proves its line is an error; the text in
 * backticks after it is a fragment of the error tsc must give (checked with the directives removed),
 * so a line cannot pass by failing for another reason.
 */
import { EVENTS } from "../generated/catalog.js";
import {
  configureTracking,
  trackCreateSnippet,
  trackEvent,
  trackOpenCommandPalette,
  trackSearchSnippets,
  trackShareSnippet,
  trackStarSnippet,
  trackViewGallery,
  type EventArgs,
  type EventName,
  type EventPayload,
  type Processor,
  type SearchSnippetsArgs,
} from "../generated/index.js";
import type { User } from "../src/models.js";

const user: User = { id: 7, username: "ada" };
const project = { id: 42 };
const namespace = { id: "acme" };

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

export const noArgumentEventTakesVoid: Equal<EventArgs["open_command_palette"], void> = true;
export const optionalArgumentEvent: Equal<EventArgs["search_snippets"], SearchSnippetsArgs | undefined> = true;
export const legacyAndUnknownAreNoEvents: Equal<Extract<EventName, "click_copy_button" | "nope">, never> = true;

export function correctCalls(): void {
  trackShareSnippet({
    project,
    namespace,
    user,
    additionalProperties: { label: "email", value: 3, note: "team", model_name: "duo-1", latency_ms: 12 },
  });
  trackShareSnippet({ project, namespace, user });
  trackShareSnippet({ project, namespace, user, additionalProperties: { note: 5 } });
  trackCreateSnippet({ project, user, additionalProperties: { language: "typescript", label: "public" } });
  trackSearchSnippets();
  trackSearchSnippets({ additionalProperties: { query_length: 4, exact_match: true } });
  trackOpenCommandPalette();
  trackStarSnippet({ user, featureEnabledByNamespaceIds: [1, 2], additionalProperties: { source: "cli" } });
  trackViewGallery({ namespace });
  trackEvent("open_command_palette");
  trackEvent("search_snippets");
  trackEvent("search_snippets", { additionalProperties: { exact_match: false } });
  trackEvent("create_snippet", { project, user, additionalProperties: { language: "go" } });
  trackEvent("star_snippet", { user, featureEnabledByNamespaceIds: [] });
}

/** A helper of the application's own, generic over the event: it compiles as written. */
export function track<E extends EventName>(name: E, args: EventArgs[E]): void {
  trackEvent(name, args);
}

export const removedSince: string | undefined = EVENTS.view_gallery.milestoneRemoved;

export function configuredSwitches(recorder: Processor): void {
  configureTracking({ processors: { InternalEvents: recorder, "Tracking::Slow": recorder } });
  configureTracking({ enabled: (processorName) => processorName !== "Gitlab::Tracking::AiTracking" });
}

export function typedHelperCalls(): void {
  track("create_snippet", { project, user, additionalProperties: { language: "go" } });
  track("search_snippets", undefined);
  track("open_command_palette", undefined);
}

export const customProcessor: Processor = {
  trackEvent(eventName: string, payload: EventPayload): void {
    void [eventName, payload.user?.username, payload.additionalProperties["label"]];
  },
};

export function misuses(): void {
  // @ts-expect-error missing identifier: `Property 'namespace' is missing`
  trackShareSnippet({ project, user });
  // @ts-expect-error wrong property type: `Type 'string' is not assignable to type 'number'`
  trackShareSnippet({ project, namespace, user, additionalProperties: { value: "3" } });
  // @ts-expect-error custom property without a type takes string or number only: `Type 'true' is not assignable to type 'string | number`
  trackShareSnippet({ project, namespace, user, additionalProperties: { note: true } });
  // @ts-expect-error undeclared property: `'referrer' does not exist in type`
  trackShareSnippet({ project, namespace, user, additionalProperties: { referrer: "feed" } });
  // @ts-expect-error undeclared identifier on an event without identifiers: `'user' does not exist in type 'SearchSnippetsArgs'`
  trackSearchSnippets({ user });
  // @ts-expect-error undeclared identifier: `'project' does not exist in type 'StarSnippetArgs'`
  trackStarSnippet({ user, featureEnabledByNamespaceIds: [1], project });
  // @ts-expect-error identifier of the wrong type: `Property 'username' is missing`
  trackStarSnippet({ user: { id: 7 }, featureEnabledByNamespaceIds: [1] });
  // @ts-expect-error misspelled event function: `Cannot find name 'trackShareSnipet'`
  trackShareSnipet({ project, namespace, user });
  // @ts-expect-error unknown event name: `Argument of type '"nope"' is not assignable`
  trackEvent("nope");
  // @ts-expect-error legacy definitions get no event: `Argument of type '"click_copy_button"' is not assignable`
  trackEvent("click_copy_button");
  // @ts-expect-error trackEvent without the arguments the event requires: `Expected 2 arguments, but got 1`
  trackEvent("share_snippet");
  // @ts-expect-error trackEvent with another event's arguments: `'project' does not exist in type 'StarSnippetArgs'`
  trackEvent("star_snippet", { user, featureEnabledByNamespaceIds: [1], project });
  // @ts-expect-error trackEvent with a wrong property type: `Type 'number' is not assignable to type 'string'`
  trackEvent("create_snippet", { project, user, additionalProperties: { language: 1 } });
  // @ts-expect-error an argument to an event that takes none: `Expected 0 arguments, but got 1`
  trackOpenCommandPalette({});
  // @ts-expect-error trackEvent with an argument for an event that takes none: `is not assignable to parameter of type 'void'`
  trackEvent("open_command_palette", {});
  // @ts-expect-error a value outside the enum: `Type '"fax"' is not assignable to type '"link" | "email" | "embed"`
  trackShareSnippet({ project, namespace, user, additionalProperties: { label: "fax" } });
  // @ts-expect-error a required property left out: `Property 'language' is missing`
  trackCreateSnippet({ project, user, additionalProperties: { label: "public" } });
  // @ts-expect-error the properties left out although one is required: `Property 'additionalProperties' is missing`
  trackCreateSnippet({ project, user });
  // @ts-expect-error a helper generic over the event checks the arguments too: `Property 'user' is missing`
  track("create_snippet", { project, additionalProperties: { language: "go" } });
  // @ts-expect-error replacing a tracking class the config does not name: `'Nope' does not exist in type`
  configureTracking({ processors: { Nope: customProcessor } });
  // @ts-expect-error exactOptionalPropertyTypes: an optional property is left out, not set to undefined: `Type 'undefined' is not assignable to type 'number'`
  trackShareSnippet({ project, namespace, user, additionalProperties: { value: undefined } });
}
