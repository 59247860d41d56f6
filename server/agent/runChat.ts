// The chat side of a run: the person's message and the assistant's reply in the room's chat, written
// through shared/room.ts's accessors with the run's chat origin (never on the canvas undo stack), so
// every collaborator sees the reply stream in.
import type * as Y from "yjs";
import {
  addReplyActivity,
  appendChatMessage,
  appendReplyText,
  replyTextLength,
  setReplyStatus,
  setReplyStep,
  type ToolActivity,
} from "../../shared/room.ts";
import { AI_AUTHOR, ChatOrigin } from "../../shared/origins.ts";

export class RunChat {
  private constructor(
    private readonly doc: Y.Doc,
    private readonly reply: Y.Map<unknown>,
    private readonly origin: ChatOrigin,
  ) {}

  /** Post the person's message and an empty, streaming assistant reply, in one transaction. */
  static open(doc: Y.Doc, runId: string, message: { author: string; authorName: string; text: string }): RunChat {
    const origin = new ChatOrigin(runId);
    let reply!: Y.Map<unknown>;
    doc.transact(() => {
      appendChatMessage(doc, { role: "user", ...message, runId });
      reply = appendChatMessage(doc, {
        role: "assistant",
        author: AI_AUTHOR.id,
        authorName: AI_AUTHOR.name,
        status: "streaming",
        runId,
      });
    }, origin);
    return new RunChat(doc, reply, origin);
  }

  /** More of the reply's text. */
  text(delta: string): void {
    this.write(() => appendReplyText(this.reply, delta));
  }

  /** A tool call's card under the reply. */
  activity(activity: ToolActivity): void {
    this.write(() => addReplyActivity(this.reply, activity));
  }

  /** The step the model has started (a tool call on its way), shown as a card until it finishes. */
  step(tool: string): void {
    this.write(() => setReplyStep(this.reply, tool));
  }

  /** The run ended: done, or with an error the person sees. */
  finished(error: string | null): void {
    this.write(() => {
      setReplyStep(this.reply, null);
      setReplyStatus(this.reply, error ? "error" : "done", error ?? undefined);
    });
  }

  /** The run was stopped: say so after whatever the reply said. */
  cancelled(): void {
    this.write(() => {
      setReplyStep(this.reply, null);
      appendReplyText(this.reply, replyTextLength(this.reply) ? "\n\n(Stopped.)" : "Stopped.");
      setReplyStatus(this.reply, "cancelled");
    });
  }

  private write(fn: () => void): void {
    this.doc.transact(fn, this.origin);
  }
}
