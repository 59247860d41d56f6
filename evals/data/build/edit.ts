// Source of evals/data/edit.jsonl: every edit case written in edit*.ts, given an id, its canvas
// family's split and the family as its group. The references (a correct answer per case, where one is
// written) stay here in the builder: index.ts checks them and tests/evals use them.
import type { EditCase as DatasetEditCase } from "../../dataset.ts";
import { editCaseOf, type EditSeedWithId } from "./editIds.ts";
import { documentEdits } from "./editDocs.ts";
import { moreDocumentEdits } from "./editDocsMore.ts";
import { pythonEdits } from "./editCodePy.ts";
import { jsEdits } from "./editCodeJs.ts";
import { contrastEdits } from "./editContrast.ts";

export type EditCase = DatasetEditCase;

/** Every committed edit case with its id (the generated long cases are in longCases.ts). */
export function editSeeds(): EditSeedWithId[] {
  return editCaseOf([...documentEdits, ...moreDocumentEdits, ...pythonEdits, ...jsEdits, ...contrastEdits]);
}

export function editCases(): EditCase[] {
  return editSeeds().map((seed) => seed.item);
}
