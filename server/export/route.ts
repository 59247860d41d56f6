// GET /api/rooms/:roomId/canvases/:canvasId/export?format=markdown|source|pdf|docx|html (read role).
// Text formats are the canvas as it is stored; PDF, DOCX and HTML are rendered from one export model
// (model.ts). Rendering is CPU work on the server's one thread: the canvas size is capped and at most
// two binary renders run at once, so one long export cannot stall everyone's typing for long.
import type { AppContext } from "../appContext.ts";
import { canvasesMap } from "../../shared/room.ts";
import { canvasText, textToDoc } from "../../shared/markdown/index.ts";
import { requireAccess } from "../http/auth.ts";
import { HttpError, notFound } from "../http/errors.ts";
import { exportFilename, exportModel } from "./model.ts";
import { renderHtml } from "./html.ts";
import { renderDocx } from "./docx.ts";
import { renderPdf } from "./pdf.ts";
import { fileExtension } from "../../shared/languages.ts";

export const EXPORT_FORMATS = ["markdown", "source", "pdf", "docx", "html"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Largest canvas rendered to PDF/DOCX/HTML (about 400 pages); larger ones export as markdown. */
export const MAX_RENDERED_CHARS = 1_000_000;
const MAX_CONCURRENT_RENDERS = 2;

const CONTENT_TYPES: Record<ExportFormat, string> = {
  markdown: "text/markdown; charset=utf-8",
  source: "text/plain; charset=utf-8",
  html: "text/html; charset=utf-8",
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

function isFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

export function registerExportRoutes(app: AppContext): void {
  const { router, store, registry } = app;
  let rendering = 0;

  router.add("GET", "/api/rooms/:roomId/canvases/:canvasId/export", async (ctx) => {
    const { room } = await requireAccess(store, ctx.params.roomId!, ctx.token, "read");
    const { meta, text } = await registry.hold(room.id, async (live) => {
      const found = canvasesMap(live.doc).get(ctx.params.canvasId!);
      if (!found) throw notFound("Canvas");
      return { meta: found, text: canvasText(live.doc, found.id) };
    });
    const format = ctx.url.searchParams.get("format") ?? (meta.kind === "code" ? "source" : "markdown");
    if (!isFormat(format))
      throw new HttpError(400, "invalid_format", `format must be one of ${EXPORT_FORMATS.join(", ")}.`);
    const headers = (extension: string) => ({
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${exportFilename(meta.title, extension)}"`,
    });

    if (format === "markdown" || format === "source") {
      const body =
        format === "markdown" && meta.kind === "code" ? `\`\`\`${meta.language ?? ""}\n${text}\n\`\`\`\n` : text;
      return {
        status: 200,
        text: meta.lineEnding === "crlf" ? body.replace(/\n/g, "\r\n") : body,
        headers: headers(format === "markdown" ? "md" : fileExtension(meta.language)),
      };
    }
    if (text.length > MAX_RENDERED_CHARS) {
      throw new HttpError(
        413,
        "too_large_to_render",
        `This canvas is too long to export as ${format.toUpperCase()} (${text.length.toLocaleString("en")} characters; the limit is ${MAX_RENDERED_CHARS.toLocaleString("en")}). Export it as markdown, or split it into several canvases.`,
      );
    }
    if (rendering >= MAX_CONCURRENT_RENDERS) {
      throw new HttpError(429, "export_busy", "Other exports are being prepared. Try again in a few seconds.", {
        "Retry-After": "2",
      });
    }
    rendering++;
    try {
      const model = exportModel(textToDoc(text, meta.kind, meta.language), meta);
      const started = performance.now();
      const body =
        format === "html"
          ? Buffer.from(renderHtml(model), "utf8")
          : format === "docx"
            ? await renderDocx(model)
            : await renderPdf(model);
      ctx.log.info(
        {
          roomId: room.id,
          canvasId: meta.id,
          format,
          chars: text.length,
          bytes: body.byteLength,
          ms: Math.round(performance.now() - started),
        },
        "canvas exported",
      );
      return { status: 200, body, headers: headers(format) };
    } finally {
      rendering--;
    }
  });
}
