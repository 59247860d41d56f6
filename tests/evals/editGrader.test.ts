// The edit grader checks outcomes: the passage an instruction is about must be kept and really changed
// (unless the task deletes it), the changed text must be in the right language and length, names must
// survive, a rewrite must rewrite, and code must pass its test.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_DATA, loadDataset, type EditCase } from "../../evals/dataset.ts";
import { gradeEdit } from "../../evals/graders/edit.ts";
import { gradeEditCase } from "../../evals/graders/editRun.ts";
import { alignedDiff, summarizeChanges } from "../../evals/graders/changes.ts";
import { call, makeTrace } from "./traces.ts";

const cases = async (): Promise<Map<string, EditCase>> => {
  const result = await loadDataset("edit", DEFAULT_DATA.edit);
  if (!result.ok) throw new Error(result.message);
  return new Map(result.cases.map((item) => [item.id, item]));
};
const byId = await cases();
const get = (id: string): EditCase => {
  const item = byId.get(id);
  if (!item) throw new Error(`no edit case ${id}`);
  return item;
};
const grade = (id: string, after: (before: string) => string, tool = "edit_canvas") => {
  const item = get(id);
  const before = item.canvas.content;
  return gradeEdit(item, makeTrace({ canvasBefore: before, canvasAfter: after(before), toolCalls: [call(tool)] }));
};
const checks = (verdict: ReturnType<typeof gradeEdit>) => verdict.failures.map((failure) => failure.check);
const paragraph = (id: string, start: string): string => {
  const text = get(id).canvas.content;
  const at = text.indexOf(start);
  const end = text.indexOf("\n\n", at);
  return text.slice(at, end < 0 ? text.length : end);
};

describe("edit grader: the region the instruction is about", () => {
  it("deleting the paragraph that should be made friendlier fails, though the harsh words are gone", () => {
    const harsh = paragraph("edit-memo-1", "Starting next month");
    const verdict = grade("edit-memo-1", (t) => t.replace(`${harsh}\n\n`, ""));
    expect(verdict.failures.find((failure) => failure.check === "region")?.detail).toContain("was removed");
    expect(verdict.pass).toBe(false);
  });

  it("deleting is right when the task is a deletion", () => {
    const desks = paragraph("edit-memo-4", "Desks on the third floor");
    const verdict = grade("edit-memo-4", (t) => t.replace(`\n\n${desks}`, ""));
    expect(verdict.failures).toEqual([]);
    expect(verdict.pass).toBe(true);
  });

  it("a whitespace-only edit does not change the region", () => {
    const verdict = grade("edit-memo-1", (t) => t.replace("Starting next month,", "Starting  next month,"));
    expect(verdict.failures.map((failure) => failure.detail).join(" ")).toContain("did not change");
  });

  it("a one-word tweak falls short of the share of words a tone change must touch", () => {
    const verdict = grade("edit-garden-6", (t) =>
      t.replace("will bring neighbors together", "will bring neighbours together"),
    );
    expect(verdict.failures.find((failure) => failure.check === "region")?.detail).toMatch(
      /changed \d+% of the passage's words/,
    );
  });

  it("a change outside the region fails locality even when the region changed", () => {
    const verdict = grade("edit-memo-1", (t) =>
      t
        .replace("No exceptions will be made, so do not ask.", "If that is hard for you, talk to your manager.")
        .replace("collaboration has suffered", "working together has become much harder"),
    );
    expect(verdict.local).toBe(false);
  });
});

describe("edit grader: what the changed text is", () => {
  it("a translation that stays in English fails the language check; one in Spanish passes it", () => {
    const english = grade(
      "edit-memo-7",
      (t) => t.replace(/Tuesdays/g, "martes").replace(/Thursdays/g, "jueves"),
      "rewrite_canvas",
    );
    expect(checks(english)).toContain("language");
    const spanish = grade(
      "edit-memo-7",
      () =>
        "# Actualización de la política de teletrabajo\n\nA partir del próximo mes, todos deben estar en la oficina los martes y jueves. No habrá excepciones, así que no pregunten.\n\nLa razón es sencilla: la colaboración se ha resentido. Se toman demasiadas decisiones en chats privados y los nuevos empleados dicen que se sienten perdidos.\n\nLos escritorios del tercer piso serán compartidos. Reserve uno en la aplicación antes de las 6 p.m. del día anterior, o no tendrá uno.\n\nSi tiene preguntas, lea primero las preguntas frecuentes (FAQ). Contacte con RR. HH. solo si las FAQ no las responden.",
      "rewrite_canvas",
    );
    expect(spanish.language).toBe("spa");
    expect(spanish.failures).toEqual([]);
  });

  it("lorem ipsum of the same shape fails language, entities and the must-go text of a rewrite", () => {
    const verdict = grade("edit-launch-3", (t) => t.replace(/[A-Za-z]+/g, "lorem"), "rewrite_canvas");
    expect(checks(verdict)).toEqual(expect.arrayContaining(["language", "entities"]));
  });

  it("a shortening rewrite that keeps the length fails the length ratio", () => {
    const verdict = grade(
      "edit-memo-6",
      (t) => t.replace("Starting next month", "From next month on").replace(/\./g, "!"),
      "rewrite_canvas",
    );
    expect(checks(verdict)).toContain("lengthRatio");
  });

  it("a rewrite that reprints the canvas nearly as it was is no rewrite", () => {
    const verdict = grade("edit-memo-2", (t) => t.replace("so do not ask", "so please don't ask"), "rewrite_canvas");
    expect(checks(verdict)).toContain("rewriteChange");
  });
});

describe("edit grader: code runs", () => {
  it("the right fix passes the case's test; a wrong one that also removes the bad text fails it", async () => {
    const item = get("edit-py-cart-1");
    const before = item.canvas.content;
    const run = (after: string) =>
      gradeEditCase(item, makeTrace({ canvasBefore: before, canvasAfter: after, toolCalls: [call("edit_canvas")] }));
    const right = await run(before.replace("range(len(items) + 1)", "range(len(items))"));
    expect(right).toMatchObject({ tests: "pass", pass: true });
    const wrong = await run(before.replace("range(len(items) + 1)", "range(len(items) - 1)"));
    expect(wrong).toMatchObject({ tests: "fail", pass: false, checksPass: false });
    expect(wrong.failures.map((failure) => failure.check)).toEqual(["tests"]);
  });

  it("a case that has already failed is not run", async () => {
    const item = get("edit-py-cart-1");
    const before = item.canvas.content;
    const verdict = await gradeEditCase(
      item,
      makeTrace({
        canvasBefore: before,
        canvasAfter: before.replace("range(len(items) + 1)", "range(len(items))"),
        toolCalls: [call("rewrite_canvas")],
      }),
    );
    expect(verdict).toMatchObject({ modeCorrect: false, tests: "skipped", pass: false });
  });
});

describe("change summary", () => {
  it("stays exact for a small edit and bounded for a whole rewrite of a 300 KB canvas", () => {
    const before = Array.from(
      { length: 3_000 },
      (_, index) => `Paragraph ${index} says something about item ${index}.`,
    ).join("\n\n");
    const small = summarizeChanges(before, before.replace("item 1500.", "item 1501."), [{ start: 0, end: 10 }]);
    expect(small.changedChars).toBe(2);
    expect(small.outsideChars).toBe(8);
    const rewritten = before.replace(/item/g, "thing").replace(/says/g, "writes");
    const whole = summarizeChanges(before, rewritten, [{ start: 0, end: before.length }]);
    expect(whole.changedRatio).toBeGreaterThan(0.2);
    expect(whole.region?.changed).toBe(true);
  });
});

describe("aligned diff", () => {
  it("always rebuilds both texts, at every granularity (property)", () => {
    const line = fc.constantFrom("alpha beta\n", "gamma\n", "delta epsilon zeta\n", "\n", "alpha  beta\n", "omega");
    const text = fc.array(line, { maxLength: 30 }).map((lines) => lines.join(""));
    fc.assert(
      fc.property(
        text,
        text,
        fc.constantFrom("line" as const, "word" as const, "char" as const),
        (before, after, granularity) => {
          const ops = alignedDiff(before, after, granularity);
          expect(
            ops
              .filter((op) => op.kind !== "added")
              .map((op) => op.value)
              .join(""),
          ).toBe(before);
          expect(
            ops
              .filter((op) => op.kind !== "removed")
              .map((op) => op.value)
              .join(""),
          ).toBe(after);
        },
      ),
    );
  });

  it("a rename on hundreds of lines of a long file is many small hunks, not one replaced file", () => {
    const before = Array.from({ length: 4_000 }, (_, index) =>
      index % 5 === 0 ? `use(Outcome, ${index});\n` : `line ${index};\n`,
    ).join("");
    const after = before.replaceAll("Outcome", "Result");
    const removed = alignedDiff(before, after, "line").filter((op) => op.kind === "removed");
    const renamedLines = before.split(/(?<=\n)/).filter((line) => line.includes("Outcome"));
    expect(removed.length).toBe(renamedLines.length);
    expect(removed.map((op) => op.value)).toEqual(renamedLines);
  });
});
