// The converter's JSON as canvas nodes: what `schema.nodeFromJSON(json)` followed by `node.check()`
// gives (the same nodes, refused in the same cases), at a fraction of the cost on large blocks. A table
// or a paragraph of thousands of spans made one Mark per span and checked every mark set again; here a
// mark is made once per mark object of the converter, a set of marks once per array, and text nodes
// with the same marks share that set, so it is validated once.
import type { JSONContent } from "@tiptap/core";
import { Fragment, Mark, type NodeType, type Node as PMNode, type Schema } from "@tiptap/pm/model";

type MarkJson = NonNullable<JSONContent["marks"]>[number];

/** prosemirror's TextNode.withText: a copy with other text, sharing attributes and marks. */
interface TextNode extends PMNode {
  withText(text: string): PMNode;
}

interface MarkSet {
  /** A text node carrying the sorted marks: text nodes with them are copies of it, sharing the set. */
  template: TextNode;
  /** The set is one `node.check()` accepts (no mark excluding another). */
  valid: boolean;
}

/** Mark sets by the mark objects they are made of, in order: one step per mark. */
interface SetTrie {
  set?: MarkSet;
  next?: WeakMap<MarkJson, SetTrie>;
}

/** Builds canvas nodes for one schema; its caches hold the marks of the JSON it was given. */
export class NodeBuilder {
  private readonly marks = new WeakMap<MarkJson, Mark>();
  private readonly sets: SetTrie = {};
  /** An empty node per attributes object of the JSON: nodes with those attributes are copies of it. */
  private readonly templates = new WeakMap<NodeType, WeakMap<object, PMNode>>();
  /** When an attribute of the schema validates its values, nodes are checked by `node.check()` itself. */
  private readonly validates: boolean;

  constructor(private readonly schema: Schema) {
    const specs = [...Object.values(schema.nodes), ...Object.values(schema.marks)];
    this.validates = specs.some((type) =>
      Object.values(type.spec.attrs ?? {}).some((attr) => attr.validate !== undefined),
    );
  }

  /** The node `json` describes, checked against the schema; throws where nodeFromJSON or check() would. */
  node(json: JSONContent): PMNode {
    if (this.validates) {
      const node = this.schema.nodeFromJSON(json);
      node.check();
      return node;
    }
    return this.build(json);
  }

  private build(json: JSONContent): PMNode {
    if (json.type === "text") {
      if (typeof json.text !== "string") throw new RangeError("Invalid text node in JSON");
      if (!json.text) throw new RangeError("Empty text nodes are not allowed");
      const set = json.marks ? this.markSet(json.marks) : null;
      if (!set) return this.schema.text(json.text);
      if (!set.valid) throw new RangeError(`Invalid collection of marks for text: ${json.marks!.map((m) => m.type)}`);
      return set.template.withText(json.text);
    }
    if (json.marks) {
      // Never made by the converter: the schema's own path.
      const node = this.schema.nodeFromJSON(json);
      node.check();
      return node;
    }
    if (json.content && !Array.isArray(json.content)) throw new RangeError("Invalid input for Fragment.fromJSON");
    const children = json.content ? json.content.map((child) => this.build(child)) : [];
    const type = this.schema.nodes[json.type ?? ""];
    if (!type) throw new RangeError(`Unknown node type: ${json.type}`);
    // Fragment.fromArray joins adjacent text with equal marks, as Fragment.fromJSON does.
    const content = Fragment.fromArray(children);
    let node: PMNode;
    if (!json.attrs) node = type.create(null, content);
    else {
      // The converter gives every table cell of a column one attributes object: their nodes share the
      // attributes prosemirror computes from it (as node.copy does), computed once.
      let byAttrs = this.templates.get(type);
      if (!byAttrs) {
        byAttrs = new WeakMap();
        this.templates.set(type, byAttrs);
      }
      let template = byAttrs.get(json.attrs);
      if (!template) {
        template = type.create(json.attrs);
        byAttrs.set(json.attrs, template);
      }
      node = template.copy(content);
    }
    if (!type.validContent(node.content)) throw new RangeError(`Invalid content for node ${type.name}`);
    return node;
  }

  private markSet(marks: readonly MarkJson[]): MarkSet | null {
    if (!Array.isArray(marks)) throw new RangeError("Invalid mark data for Node.fromJSON");
    if (marks.length === 0) return null;
    let node = this.sets;
    for (const mark of marks) {
      node.next ??= new WeakMap();
      let next = node.next.get(mark);
      if (!next) {
        next = {};
        node.next.set(mark, next);
      }
      node = next;
    }
    if (!node.set) {
      const sorted = Mark.setFrom(marks.map((mark) => this.mark(mark)));
      let checked = Mark.none;
      for (const mark of sorted) checked = mark.addToSet(checked);
      node.set = { template: this.schema.text("\u200b", sorted) as TextNode, valid: Mark.sameSet(checked, sorted) };
    }
    return node.set;
  }

  private mark(json: MarkJson): Mark {
    let mark = this.marks.get(json);
    if (!mark) {
      mark = this.schema.markFromJSON(json);
      this.marks.set(json, mark);
    }
    return mark;
  }
}
