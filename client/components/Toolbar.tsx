// Formatting toolbar for document canvases. Reads the active marks through useEditorState so the
// toolbar re-renders only when what it shows changes, not on every keystroke.
import type { ReactNode } from "react";
import { useEditorState, type Editor } from "@tiptap/react";
import { Icon } from "./Icon.tsx";

interface ToolbarProps {
  editor: Editor;
}

interface ButtonSpec {
  label: string;
  text: ReactNode;
  active: boolean;
  run: () => void;
  className?: string;
}

export function Toolbar({ editor }: ToolbarProps) {
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      h1: current.isActive("heading", { level: 1 }),
      h2: current.isActive("heading", { level: 2 }),
      h3: current.isActive("heading", { level: 3 }),
      bold: current.isActive("bold"),
      italic: current.isActive("italic"),
      strike: current.isActive("strike"),
      code: current.isActive("code"),
      bullet: current.isActive("bulletList"),
      ordered: current.isActive("orderedList"),
      task: current.isActive("taskList"),
      quote: current.isActive("blockquote"),
      codeBlock: current.isActive("codeBlock"),
      link: current.isActive("link"),
    }),
  });
  const chain = () => editor.chain().focus();

  function setLink() {
    const previous = (editor.getAttributes("link").href as string | undefined) ?? "";
    const url = window.prompt("Link address (leave empty to remove the link)", previous);
    if (url === null) return;
    if (!url.trim()) chain().extendMarkRange("link").unsetLink().run();
    else chain().extendMarkRange("link").setLink({ href: url.trim() }).run();
  }

  const groups: ButtonSpec[][] = [
    [
      { label: "Heading 1", text: "H1", active: state.h1, run: () => chain().toggleHeading({ level: 1 }).run() },
      { label: "Heading 2", text: "H2", active: state.h2, run: () => chain().toggleHeading({ level: 2 }).run() },
      { label: "Heading 3", text: "H3", active: state.h3, run: () => chain().toggleHeading({ level: 3 }).run() },
    ],
    [
      { label: "Bold", text: "B", active: state.bold, run: () => chain().toggleBold().run(), className: "bold" },
      {
        label: "Italic",
        text: "I",
        active: state.italic,
        run: () => chain().toggleItalic().run(),
        className: "italic",
      },
      {
        label: "Strikethrough",
        text: "S",
        active: state.strike,
        run: () => chain().toggleStrike().run(),
        className: "strike",
      },
      {
        label: "Inline code",
        text: "</>",
        active: state.code,
        run: () => chain().toggleCode().run(),
        className: "mono",
      },
      { label: "Link", text: <Icon name="link" size={15} />, active: state.link, run: setLink },
    ],
    [
      { label: "Bulleted list", text: "•≡", active: state.bullet, run: () => chain().toggleBulletList().run() },
      { label: "Numbered list", text: "1.", active: state.ordered, run: () => chain().toggleOrderedList().run() },
      { label: "Task list", text: "☑", active: state.task, run: () => chain().toggleTaskList().run() },
      { label: "Quote", text: "❝", active: state.quote, run: () => chain().toggleBlockquote().run() },
      {
        label: "Code block",
        text: "{ }",
        active: state.codeBlock,
        run: () => chain().toggleCodeBlock().run(),
        className: "mono",
      },
    ],
  ];

  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting">
      {groups.map((group, index) => (
        <div className="toolbar-group" key={index}>
          {group.map((button) => (
            <button
              key={button.label}
              type="button"
              className={`tool${button.active ? " active" : ""}${button.className ? ` ${button.className}` : ""}`}
              aria-label={button.label}
              aria-pressed={button.active}
              title={button.label}
              onMouseDown={(event) => event.preventDefault()}
              onClick={button.run}
            >
              {button.text}
            </button>
          ))}
        </div>
      ))}
    </div>
  );
}
