// Which natural language a text is written in: franc-min (trigram language identification over the 82
// languages with 8M+ speakers; ISO 639-3 codes such as "eng", "fra", "spa"). Markdown syntax, code,
// links and numbers are stripped first, since they are the same in every language.
import { franc } from "franc-min";

/** Prose of a markdown document, without code, URLs, markup or figures. */
export function proseOf(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/`[^`\n]*`/g, " ")
    .replace(/\]\([^)]*\)/g, "]")
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/[#>*_|[\]~-]+/g, " ")
    .replace(/[\d$€£%.,:;/()+=]+(?=\s|$)/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The ISO 639-3 code of the text's language, or "und" when there is too little text to tell. */
export function detectLanguage(markdown: string): string {
  return franc(proseOf(markdown), { minLength: 20 });
}
