// Canvases of 50,000+ words, generated from seeded templates (the same seed gives the same text, byte
// for byte): an operations handbook, a year of council minutes, a naturalist's journal and a 6,000-
// line TypeScript module. Long enough that server/agent/prompts.ts shows the model an outline and an
// excerpt instead of the whole canvas; too long to commit (built in memory by generated.ts).
import { seededRandom } from "../../stats.ts";
import { family } from "./family.ts";
import type { CanvasSeed } from "./writing.ts";

type Pick = <T>(items: readonly T[]) => T;

function picker(seed: number): Pick {
  const random = seededRandom(seed);
  return (items) => items[Math.floor(random() * items.length)]!;
}

const TEAMS = ["the depot team", "dispatch", "the night shift", "the fleet office", "warehouse leads", "the safety officer", "every driver", "the yard crew", "customer service", "the planning desk"];
const ACTIONS = ["checks", "records", "reports", "signs off", "reviews", "confirms", "logs", "inspects", "updates", "photographs"];
const OBJECTS = ["the tyre pressure", "the load plan", "the delivery notes", "the fuel card receipts", "the temperature log", "the damage report", "the route sheet", "the pallet count", "the seal numbers", "the vehicle keys"];
const WHENS = ["before the first departure", "at the end of each shift", "within two hours", "before noon", "once a week", "on every return to the depot", "before the vehicle leaves the yard", "at the start of each month"];
const REASONS = ["so that problems are caught early", "because insurers ask for it", "so that the next shift can rely on it", "to keep customers informed", "because it is required by law", "so that nobody has to guess later", "to protect drivers from unfair claims", "so that audits take hours rather than days"];
const EXCEPTIONS = ["In bad weather", "During peak season", "When a vehicle is new", "If a customer asks", "On bank holidays", "For hazardous loads", "When two shifts overlap", "If the scanner fails"];
const TOPICS = ["Vehicle checks", "Loading", "Fuel cards", "Breaks and rest", "Cold chain", "Incidents", "Customer handover", "Yard safety", "Keys and access", "Returns", "Night work", "Training", "Route changes", "Damaged goods", "Paperwork", "Lost property", "Hazardous goods", "Parking", "Tachographs", "Overtime"];

function sentence(pick: Pick): string {
  return `${cap(pick(TEAMS))} ${pick(ACTIONS)} ${pick(OBJECTS)} ${pick(WHENS)}, ${pick(REASONS)}.`;
}

const cap = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function paragraph(pick: Pick, sentences: number): string {
  const parts = Array.from({ length: sentences }, () => sentence(pick));
  parts.push(`${pick(EXCEPTIONS)}, ${pick(TEAMS)} ${pick(ACTIONS)} ${pick(OBJECTS)} ${pick(WHENS)} instead.`);
  return parts.join(" ");
}

export const HANDBOOK_INTRO =
  "This handbook describes how Kestrel Logistics runs its depots, vehicles and deliveries. Every employee should recieve a printed copy on their first day and read the sections that apply to their role. Where this handbook and a customer contract disagree, the contract wins, and the planning desk will tell you what changes.";
export const HANDBOOK_HISTORY =
  "Kestrel Logistics was founded in 1987 in Leicester with three vans and a single customer, a bakery that needed bread in forty shops before six in the morning. Today Kestrel Logistics runs eleven depots and more than four hundred vehicles.";

function handbook(): CanvasSeed {
  const pick = picker(11);
  const sections: string[] = ["# Kestrel Logistics operations handbook", "## 1. Introduction", HANDBOOK_INTRO, "## 2. Company history", HANDBOOK_HISTORY];
  for (let index = 3; index <= 124; index++) {
    const topic = `${TOPICS[(index - 3) % TOPICS.length]}${index > 22 ? ` (part ${Math.floor((index - 3) / TOPICS.length) + 1})` : ""}`;
    sections.push(`## ${index}. ${topic}`);
    for (let p = 0; p < 4; p++) sections.push(paragraph(pick, 5));
    if (index % 9 === 0) sections.push(`Questions about this section go to Kestrel Logistics' ${pick(["planning desk", "safety officer", "fleet office"])}.`);
  }
  return { kind: "document", title: "Kestrel Logistics operations handbook", content: sections.join("\n\n") };
}

const COUNCILLORS = ["Councillor Hughes", "Councillor Adebayo", "Councillor Lindqvist", "Councillor Moreau", "Councillor Patel", "Councillor O'Connor", "Councillor Szabo", "Councillor Yamamoto", "Councillor Reyes"];
const ITEMS = ["the bus lane on Station Road", "repairs to the swimming pool roof", "a new crossing outside the primary school", "the allotment waiting list", "street lighting on the canal path", "the summer festival budget", "grants for community groups", "parking permits in the old town", "the library's opening hours", "tree planting along the ring road"];
const OUTCOMES = ["approved", "deferred to the next meeting", "approved with amendments", "rejected", "sent back to the planning committee"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export const MINUTES_VOTE = "After a long debate, the motion to extend the bus lane on Station Road to the hospital was carried by 6 votes to 3. Councillor Hughes asked for her objection to the loss of parking to be recorded.";

function minutes(): CanvasSeed {
  const pick = picker(23);
  const blocks: string[] = ["# Ashford Vale Town Council: minutes of meetings"];
  let meeting = 0;
  for (const year of [2023, 2024, 2025])
  for (let month = 0; month < 12; month++) {
    for (const day of [2, 9, 16, 23, 30].slice(0, month === 1 ? 4 : 5)) {
      meeting++;
      blocks.push(`## Meeting ${meeting}: ${day} ${MONTHS[month]} ${year}`);
      blocks.push(`Present: ${COUNCILLORS.filter(() => pick([true, true, true, false])).join(", ")}. The meeting opened at 7 p.m.`);
      for (let item = 0; item < 6; item++) {
        const subject = pick(ITEMS);
        blocks.push(
          `The council discussed ${subject}. ${pick(COUNCILLORS)} presented the officers' report and ${pick(COUNCILLORS)} asked about the cost. The item was ${pick(OUTCOMES)}. ${pick(COUNCILLORS)} will report back on ${pick(ITEMS)} at a later meeting.`,
        );
      }
      if (meeting === 138) blocks.push(MINUTES_VOTE);
    }
  }
  return { kind: "document", title: "Council minutes", content: blocks.join("\n\n") };
}

const SPECIES = ["a grey heron", "two kingfishers", "a family of otters", "a sparrowhawk", "three roe deer", "a barn owl", "a flock of lapwings", "a water vole", "a pair of great crested grebes", "a red kite"];
const PLACES = ["by the old mill", "on the far bank", "near the footbridge", "in the reed bed", "at the edge of the wood", "below the weir", "on the flooded meadow"];
const WEATHER = ["A cold, clear morning.", "Drizzle all day.", "Warm and still.", "Strong wind from the west.", "Fog until ten.", "Bright sun after a night of rain."];

export const JOURNAL_FIRST = "A cold, bright start to the year. I walked the river path from the mill to the weir and counted fourteen mute swans, more than in any January I have recorded. A kingfisher flashed past the footbirdge twice.";

function journal(): CanvasSeed {
  const pick = picker(37);
  const blocks = ["# River journal", "## 1 January", JOURNAL_FIRST];
  for (let day = 2; day <= 365; day++) {
    const date = new Date(Date.UTC(2025, 0, day));
    blocks.push(`## ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`);
    blocks.push(
      `${pick(WEATHER)} I saw ${pick(SPECIES)} ${pick(PLACES)} and ${pick(SPECIES)} ${pick(PLACES)}. Later, ${pick(SPECIES)} ${pick(PLACES)}, which I had not expected at this time of year. The water was ${pick(["high", "low", "clear", "muddy", "fast", "still"])}, and the path ${pick(PLACES)} was ${pick(["dry", "flooded", "muddy", "icy", "overgrown"])}. I stayed for ${pick(["an hour", "two hours", "twenty minutes", "most of the afternoon"])} and made notes for the monthly count.`,
      `On the way back I ${pick(["heard", "glimpsed", "followed", "lost sight of"])} ${pick(SPECIES)} ${pick(PLACES)}. ${pick(WEATHER)} The count so far this month: ${pick(["seven", "nine", "twelve", "fifteen", "twenty"])} species, ${pick(["none", "one", "two", "three"])} of them new for the year. ${cap(pick(SPECIES))} was ${pick(PLACES)} again, as on most days this season. I checked the nest boxes ${pick(PLACES)}: ${pick(["all empty", "one in use", "two in use", "one damaged by the wind"])}, and the path ${pick(PLACES)} needs ${pick(["clearing", "new boards", "a warning sign", "nothing for now"])}.`,
    );
  }
  return { kind: "document", title: "River journal", content: blocks.join("\n\n") };
}

const NOUNS = ["Pallet", "Crate", "Route", "Driver", "Depot", "Shift", "Invoice", "Parcel", "Tyre", "Permit", "Seal", "Scanner", "Trailer", "Dock", "Manifest", "Claim", "Contract", "Vendor", "Zone", "Slot"];
const PREFIXES = ["", "Cold", "Night", "Bulk", "Express", "Return", "Spare", "Local", "Long", "Fragile", "Priority", "Archived", "Weekly", "Regional", "Customs", "Temporary", "Oversize", "Seasonal", "Shared", "Pending", "Audited"];

export const INVENTORY_PAGINATE = [
  "export function paginate<T>(items: T[], page: number, size: number): T[] {",
  "  const start = page * size;",
  "  return items.slice(start, start + size);",
  "}",
].join("\n");

export function inventoryBlock(name: string): string {
  const lower = `${name.charAt(0).toLowerCase()}${name.slice(1)}`;
  return [
    `// ---- ${name} ----`,
    "",
    `export interface ${name} {`,
    "  id: string;",
    "  label: string;",
    "  quantity: number;",
    "  updatedAt: string;",
    "}",
    "",
    `const ${lower}Store = new Map<string, ${name}>();`,
    "",
    `export function create${name}(label: string, quantity: number): Outcome<${name}> {`,
    `  if (!label.trim()) return { ok: false, error: "${name} label is required" };`,
    `  const record: ${name} = { id: nextId("${lower.slice(0, 4)}"), label, quantity, updatedAt: stamp() };`,
    `  ${lower}Store.set(record.id, record);`,
    "  return { ok: true, value: record };",
    "}",
    "",
    `export function update${name}Quantity(id: string, quantity: number): Outcome<${name}> {`,
    `  const current = ${lower}Store.get(id);`,
    `  if (!current) return { ok: false, error: \`${name} \${id} not found\` };`,
    "  const updated = { ...current, quantity, updatedAt: stamp() };",
    `  ${lower}Store.set(id, updated);`,
    "  return { ok: true, value: updated };",
    "}",
    "",
    `export function list${name}s(page: number, size = PAGE_SIZE): ${name}[] {`,
    `  return paginate([...${lower}Store.values()], page, size);`,
    "}",
  ].join("\n");
}

export const INVENTORY_NAMES = PREFIXES.flatMap((prefix) => NOUNS.map((noun) => `${prefix}${noun}`));

function inventory(): CanvasSeed {
  const header = [
    "// Inventory records for every depot: one in-memory store per record type, the same operations on each.",
    "",
    "export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };",
    "",
    "export const PAGE_SIZE = 25;",
    "",
    "let sequence = 0;",
    "",
    "function nextId(prefix: string): string {",
    "  sequence += 1;",
    "  return `${prefix}_${sequence.toString(36)}`;",
    "}",
    "",
    "function stamp(): string {",
    "  return new Date().toISOString();",
    "}",
    "",
    "/** Pages are numbered from 1. */",
    INVENTORY_PAGINATE,
  ].join("\n");
  return { kind: "code", language: "typescript", title: "inventoryRecords.ts", content: [header, ...INVENTORY_NAMES.map(inventoryBlock)].join("\n\n") };
}

let built: Record<string, CanvasSeed> | null = null;

/** The four long canvases, built once per process. */
export function longCanvases(): { handbook: CanvasSeed; minutes: CanvasSeed; journal: CanvasSeed; inventory: CanvasSeed } {
  built ??= {
    handbook: family("long-handbook", handbook()),
    minutes: family("long-minutes", minutes()),
    journal: family("long-journal", journal()),
    inventory: family("long-inventory", inventory()),
  };
  return built as ReturnType<typeof longCanvases>;
}
