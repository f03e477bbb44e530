import type { Conventions } from "./init-project";

/** Asks whose conventions the project's definitions follow. Rejects with inquirer's ExitPromptError on Ctrl-C. */
export function promptConventions(): Promise<Conventions> {
  // Loaded only here: init without a terminal, or with --conventions, never pays for it.
  const prompts = require("@inquirer/prompts") as typeof import("@inquirer/prompts");
  return prompts.select<Conventions>({
    message: "Whose conventions do the event definitions follow?",
    choices: [
      { value: "gitlab", name: "GitLab's: snake_case names, its identifiers, tiers and required keys" },
      { value: "own", name: "our own: any names, our own identifiers, tiers and required keys" },
    ],
  });
}
