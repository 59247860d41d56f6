// Export timings for a 20-page report (about 9,000 words with headings, lists, tables and code): each
// format rendered from the same canvas, with markdown serialisation of it as the in-run reference.
import { parseMarkdown, serializeMarkdown } from "../shared/markdown/index.ts";
import { exportModel } from "../server/export/model.ts";
import { renderHtml } from "../server/export/html.ts";
import { renderDocx } from "../server/export/docx.ts";
import { renderPdf } from "../server/export/pdf.ts";

function section(index: number): string {
  const paragraph = (n: number) =>
    `Paragraph ${n} of section ${index}: the *regional* teams in Zürich, Kraków and Αθήνα reported **steady** growth, ` +
    "with most of it coming from returning customers. The team expects the trend to hold next quarter, provided " +
    "the new [pricing page](https://example.com/pricing) ships on time and support keeps its response times low.";
  return [
    `## Section ${index}`,
    "",
    paragraph(1),
    "",
    paragraph(2),
    "",
    "- First finding, with `inline code`",
    "- Second finding",
    "  1. a nested step",
    "  2. another step",
    "",
    "| Region | Q1 | Q2 | Q3 |",
    "| --- | --- | --- | --- |",
    "| Europe | 12% | 14% | 15% |",
    "| Asia | 9% | 11% | 10% |",
    "",
    "```ts",
    "export function growth(before: number, after: number): number {",
    "  return (after - before) / before;",
    "}",
    "```",
    "",
    paragraph(3),
    "",
  ].join("\n");
}

async function time(run: () => Promise<unknown> | unknown, repeat: number): Promise<{ median: number; max: number }> {
  await run();
  const samples: number[] = [];
  for (let index = 0; index < repeat; index++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)]!, max: samples[samples.length - 1]! };
}

export async function runExportBench(): Promise<void> {
  const markdown = `# Annual report\n\n${Array.from({ length: 30 }, (_, index) => section(index + 1)).join("\n")}`;
  const words = markdown.split(/\s+/).length;
  const doc = parseMarkdown(markdown);
  const model = exportModel(doc, { title: "Annual report", kind: "document", language: null });
  const pdf = await renderPdf(model);
  const pages = (pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;
  console.log(
    `\n== export: ${markdown.length.toLocaleString("en")} characters, ${words.toLocaleString("en")} words, ${pages} PDF pages`,
  );
  const rows: [string, () => Promise<unknown> | unknown, number][] = [
    ["markdown (reference)", () => serializeMarkdown(doc), 10],
    [
      "parse + model",
      () => exportModel(parseMarkdown(markdown), { title: "Annual report", kind: "document", language: null }),
      10,
    ],
    ["html", () => renderHtml(model), 10],
    ["docx", () => renderDocx(model), 5],
    ["pdf", () => renderPdf(model), 5],
  ];
  for (const [name, run, repeat] of rows) {
    const { median, max } = await time(run, repeat);
    console.log(
      `  ${name.padEnd(22)} median ${median.toFixed(0).padStart(5)} ms   max ${max.toFixed(0).padStart(5)} ms`,
    );
  }
  const docx = await renderDocx(model);
  console.log(
    `  sizes: pdf ${(pdf.byteLength / 1024).toFixed(0)} KB, docx ${(docx.byteLength / 1024).toFixed(0)} KB, html ${(renderHtml(model).length / 1024).toFixed(0)} KB`,
  );
}
