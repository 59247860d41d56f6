import { describe, expect, it } from "vitest";
import { common, createLowlight } from "lowlight";
import {
  ACCEPTED_FILE_TYPES,
  canvasTypeForFile,
  DOCUMENT_EXTENSIONS,
  fileExtension,
  findLanguage,
  languageForExtension,
  LANGUAGES,
} from "../../shared/languages.ts";
import { PORT_LANGUAGES } from "../../shared/actions.ts";

describe("the language table", () => {
  it("stores only names the code canvas highlights (lowlight's common grammars or their aliases)", () => {
    const lowlight = createLowlight(common);
    const unknown = LANGUAGES.map((language) => language.id).filter((id) => !lowlight.registered(id));
    expect(unknown).toEqual([]);
  });

  it("never gives one name, alias or extension to two languages", () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const language of LANGUAGES) {
      for (const name of new Set<string>([language.id, ...language.aliases, ...language.extensions])) {
        const previous = owner.get(name);
        if (previous !== undefined && previous !== language.id) clashes.push(`${name}: ${previous} and ${language.id}`);
        owner.set(name, language.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it("saves every language under an extension that opens as the same language again", () => {
    for (const language of LANGUAGES) {
      expect(languageForExtension(fileExtension(language.id)), language.id).toBe(language.id);
    }
  });

  it("opens .ts and .tsx (and .js and .jsx) as the same language, whatever the case", () => {
    expect(canvasTypeForFile("App.tsx")).toEqual({ kind: "code", language: "typescript" });
    expect(canvasTypeForFile("main.TS")).toEqual({ kind: "code", language: "typescript" });
    expect(canvasTypeForFile("App.jsx")).toEqual({ kind: "code", language: "javascript" });
    expect(languageForExtension(".tsx")).toBe("typescript");
  });

  it("opens markdown, text and extension-less files as documents, and refuses other files", () => {
    for (const name of ["notes.md", "README.markdown", "page.mdx", "todo.txt", "LICENSE"]) {
      expect(canvasTypeForFile(name), name).toEqual({ kind: "document", language: null });
    }
    expect(canvasTypeForFile("photo.png")).toBeNull();
    expect(canvasTypeForFile("archive.tar.gz")).toBeNull();
  });

  it("finds a language by id, alias or extension, and names an export file after it", () => {
    expect(findLanguage("TypeScript")?.id).toBe("typescript");
    expect(findLanguage("c++")?.id).toBe("cpp");
    expect(findLanguage("py")?.id).toBe("python");
    expect(findLanguage("shell")?.id).toBe("bash");
    expect(findLanguage("klingon")).toBeNull();
    expect(findLanguage(null)).toBeNull();
    expect(fileExtension("typescript")).toBe("ts");
    expect(fileExtension("tsx")).toBe("ts");
    expect(fileExtension("shell")).toBe("sh");
    expect(fileExtension("markdown")).toBe("md");
    expect(fileExtension(null)).toBe("txt");
    expect(fileExtension("klingon")).toBe("txt");
  });

  it("lets the file picker offer exactly the files that open as a canvas", () => {
    const accepted = ACCEPTED_FILE_TYPES.split(",");
    expect(new Set(accepted).size).toBe(accepted.length);
    for (const type of accepted) expect(canvasTypeForFile(`file${type}`), type).not.toBeNull();
    for (const extension of DOCUMENT_EXTENSIONS) expect(accepted).toContain(`.${extension}`);
    for (const language of LANGUAGES) {
      for (const extension of language.extensions) expect(accepted).toContain(`.${extension}`);
    }
  });

  it("offers only known languages as port targets", () => {
    for (const id of PORT_LANGUAGES) expect(findLanguage(id)?.id).toBe(id);
  });
});
