// Long canvases built from templates and per-item data: a regional sales report (> 2,000 words) and
// a TypeScript data module (> 300 lines). Long inputs are where targeted edits pay off most (a
// rewrite reprints thousands of tokens) and where locating a passage is hardest.
import { family } from "./family.ts";
import type { CanvasSeed } from "./writing.ts";

interface Region {
  name: string;
  manager: string;
  since: number;
  revenue: number;
  growth: number;
  top: string;
  share: number;
  driver: string;
  store: string;
  visits: string;
  challenge: string;
  response: string;
  plan: string;
  outlook: string;
  feedback: string;
}

const REGIONS: Region[] = [
  { name: "Pacific Northwest", manager: "Erik Lindqvist", since: 2019, revenue: 18.4, growth: 9, top: "Atlas Pro tent", share: 31, driver: "a wet spring that sent campers looking for better shelter", store: "Portland Pearl District", visits: "14,000", challenge: "a two-month delay in tent deliveries from our supplier in Vietnam", response: "The team moved stock between stores weekly and kept most shelves full.", plan: "open a second Seattle store near the Capitol Hill light rail station", outlook: "growth of around 7%", feedback: "Customers praised staff knowledge but asked for longer opening hours on weekends." },
  { name: "California", manager: "Maya Delgado", since: 2021, revenue: 26.1, growth: 4, top: "Ridge 40 backpack", share: 27, driver: "the reopening of several national park campgrounds", store: "San Francisco Mission", visits: "19,500", challenge: "wildfire smoke that closed trails for most of August and September", response: "Stores shifted marketing toward indoor climbing gear and city commuting bags during the worst weeks.", plan: "expand the rental program to all Bay Area stores", outlook: "flat sales in the first half and a stronger summer", feedback: "Shoppers liked the rental program and asked for it to include kayaks." },
  { name: "Mountain West", manager: "Tom Becker", since: 2017, revenue: 15.7, growth: 12, top: "Summit stove", share: 22, driver: "a record ski season that brought winter campers into stores", store: "Denver Union Station", visits: "11,200", challenge: "hiring enough seasonal staff in resort towns with very high rents", response: "The region offered housing stipends and filled 80% of seasonal roles.", plan: "pilot a ski-tuning service in Boulder and Salt Lake City", outlook: "growth of about 10%", feedback: "Reviews mention long queues at the Denver store on Saturday mornings." },
  { name: "Southwest", manager: "Lucia Herrera", since: 2020, revenue: 11.3, growth: -3, top: "Ridge 40 backpack", share: 24, driver: "strong demand from university hiking clubs", store: "Phoenix Roosevelt Row", visits: "8,300", challenge: "extreme summer heat that kept people off the trails from June to September", response: "The team ran early-morning group hikes and night-sky camping events to keep customers engaged.", plan: "stock more hydration packs and sun-protective clothing", outlook: "a return to modest growth", feedback: "Customers asked for more gear sized for children." },
  { name: "Midwest", manager: "Grace Okonkwo", since: 2018, revenue: 13.9, growth: 2, top: "Atlas Pro tent", share: 26, driver: "family camping trips to the Great Lakes", store: "Chicago Wicker Park", visits: "12,800", challenge: "a cold, late spring that pushed the camping season back by a month", response: "Stores extended the winter clearance and held canoe clinics on the lakefront once it warmed up.", plan: "partner with two state park systems on beginner camping weekends", outlook: "growth of around 4%", feedback: "Repair services were popular, but customers want faster turnaround." },
  { name: "Texas", manager: "Daniel Whitfield", since: 2022, revenue: 14.6, growth: 6, top: "Summit stove", share: 19, driver: "fall hunting season and a busy barbecue-and-camping crowd", store: "Austin South Congress", visits: "10,900", challenge: "a hurricane that closed the Houston store for eleven days", response: "The team redirected online orders to Austin and Dallas, and no orders were lost.", plan: "add a fishing department in Dallas and San Antonio", outlook: "growth of about 8%", feedback: "Shoppers in Houston asked for a larger selection of rain gear." },
  { name: "Gulf Coast", manager: "Renée Broussard", since: 2016, revenue: 7.8, growth: -5, top: "Ridge 40 backpack", share: 18, driver: "school trips to coastal nature reserves", store: "New Orleans Magazine Street", visits: "6,100", challenge: "falling foot traffic after a major road project cut off the New Orleans store's parking", response: "The store added curbside pickup and a free shuttle from a nearby garage.", plan: "renegotiate the New Orleans lease or move closer to the French Quarter", outlook: "sales to stabilize once the road work ends", feedback: "Customers liked curbside pickup but found the website's stock levels unreliable." },
  { name: "Southeast", manager: "Marcus Green", since: 2019, revenue: 16.2, growth: 7, top: "Atlas Pro tent", share: 23, driver: "the popularity of Appalachian Trail section hikes", store: "Atlanta Ponce City Market", visits: "13,400", challenge: "a shortage of mid-size tents during the spring peak", response: "The team pre-sold incoming stock with guaranteed delivery dates and recieved few complaints.", plan: "run trail-maintenance volunteer days with local hiking clubs", outlook: "growth of around 6%", feedback: "Customers want more lightweight options for thru-hikers." },
  { name: "Mid-Atlantic", manager: "Priya Raman", since: 2020, revenue: 17.5, growth: 5, top: "Ridge 40 backpack", share: 25, driver: "commuters who use hiking packs for daily travel", store: "Philadelphia Rittenhouse", visits: "15,600", challenge: "rising rents that forced us to close the smaller Baltimore store", response: "Most Baltimore customers moved to the Washington store and to online orders.", plan: "open a pop-up shop in Baltimore during the summer months", outlook: "growth of about 5%", feedback: "Commuters asked for packs with laptop sleeves and rain covers." },
  { name: "New York", manager: "Samuel Adeyemi", since: 2018, revenue: 24.8, growth: 3, top: "Summit stove", share: 15, driver: "apartment dwellers buying compact camping kits for weekend trips", store: "Brooklyn Williamsburg", visits: "22,300", challenge: "limited storage space that made it hard to carry large items such as tents", response: "The stores moved bulky items to a warehouse and offered same-day delivery.", plan: "add a gear-swap event every quarter", outlook: "growth of around 4%", feedback: "Customers liked same-day delivery and asked for evening delivery slots." },
  { name: "New England", manager: "Claire Fontaine", since: 2015, revenue: 12.4, growth: 1, top: "Atlas Pro tent", share: 28, driver: "fall foliage camping trips in Vermont and New Hampshire", store: "Boston Back Bay", visits: "10,200", challenge: "a weak ski season with little snow in January", response: "The team turned ski-rental space into a winter hiking and snowshoe section.", plan: "offer guided snowshoe trips in the White Mountains", outlook: "modest growth if the winter is normal", feedback: "Older customers asked for more seating and fitting rooms." },
  { name: "Great Plains", manager: "Ingrid Halvorsen", since: 2021, revenue: 6.9, growth: 8, top: "Summit stove", share: 21, driver: "hunters and anglers preparing for long trips", store: "Omaha Old Market", visits: "5,400", challenge: "long distances between stores that made staff training expensive", response: "Training moved to short online sessions followed by one in-person day each quarter.", plan: "test a mobile store in a converted trailer that visits smaller towns", outlook: "growth of around 9%", feedback: "Rural customers want cheaper shipping on large items." },
  { name: "Alaska and Hawaii", manager: "Keoni Kahale", since: 2022, revenue: 4.3, growth: 10, top: "Ridge 40 backpack", share: 29, driver: "tourists buying gear on arrival instead of flying with it", store: "Honolulu Kakaako", visits: "4,700", challenge: "shipping costs that are almost three times the mainland average", response: "The region switched to consolidated sea freight and cut shipping costs by 18%.", plan: "partner with tour operators to rent gear to visitors", outlook: "growth of about 12%", feedback: "Visitors asked for rental packages bundled with guided tours." },
  { name: "Canada", manager: "Olivia Tremblay", since: 2023, revenue: 9.6, growth: 15, top: "Atlas Pro tent", share: 33, driver: "our first full year in Vancouver and Toronto", store: "Vancouver Kitsilano", visits: "8,900", challenge: "customs delays that held up two spring shipments", response: "The team worked with a customs broker and now clears shipments in about four days.", plan: "open a third store in Montreal", outlook: "growth of around 20%", feedback: "Customers asked for French-language product guides." },
];

const INTRO = [
  "# Cobalt Outdoor: regional sales report 2025",
  "This report summarises sales across our fourteen regions for the 2025 financial year. Total revenue was $199.5 million, up 4.8% on 2024, with the strongest growth in Canada and the Mountain West and declines in the Southwest and on the Gulf Coast. Three products carried the year: the Atlas Pro tent, the Ridge 40 backpack and the Summit stove, which together made up just over a quarter of all sales.",
  "Each section below covers one region: its revenue and growth, its best-selling product, its busiest store, the main difficulty of the year and how the team responded, the plan for 2026 and what customers told us. Regional managers wrote the first drafts; the commercial team checked the figures against the finance system.",
];

const CONCLUSION = [
  "## Conclusion",
  "2025 was a year of uneven growth. Regions that could react quickly to weather and supply problems did well, while regions hit by heat, storms or road works fell behind. Our supply chain remains the biggest risk: every region that lost sales this year lost them partly because products arrived late.",
  "For 2026 we will concentrate on three things: more reliable deliveries from our two largest suppliers, a rental program in every region, and better stock information on the website so that customers know what is in the store before they travel.",
  "We thank every regional team for their work in a difficult year, and the finance team for checking each figure in this report before publication.",
];

function regionSection(region: Region): string {
  const trend = region.growth >= 0 ? `up ${region.growth}%` : `down ${-region.growth}%`;
  return [
    `## ${region.name}`,
    `${region.manager}, who has led the ${region.name} region since ${region.since}, reported revenue of $${region.revenue.toFixed(1)} million, ${trend} on the previous year. The strongest seller was the ${region.top}, which accounted for ${region.share}% of regional sales, helped by ${region.driver}. The ${region.store} store remained the busiest location, serving about ${region.visits} customers a month.`,
    `The main difficulty this year was ${region.challenge}. ${region.response} For next year, the team plans to ${region.plan}, and expects ${region.outlook}. ${region.feedback}`,
  ].join("\n\n");
}

export function regionParagraphs(name: string): { first: string; second: string } {
  const region = REGIONS.find((item) => item.name === name);
  if (!region) throw new Error(`Unknown region ${name}; known: ${REGIONS.map((r) => r.name).join(", ")}`);
  const [, first, second] = regionSection(region).split("\n\n");
  return { first: first!, second: second! };
}

export const regionalReport: CanvasSeed = {
  kind: "document",
  title: "Regional sales report 2025",
  content: [...INTRO, ...REGIONS.map(regionSection), ...CONCLUSION].join("\n\n"),
};

export const REPORT_INTRO_P2 = INTRO[1]!;
export const REPORT_CONCLUSION_P1 = CONCLUSION[1]!;
export const REPORT_CONCLUSION_P2 = CONCLUSION[2]!;

interface Entity {
  name: string;
  plural: string;
  fields: [string, string][];
}

const ENTITIES: Entity[] = [
  { name: "Customer", plural: "Customers", fields: [["name", "string"], ["email", "string"], ["country", "string"]] },
  { name: "Supplier", plural: "Suppliers", fields: [["name", "string"], ["leadTimeDays", "number"], ["country", "string"]] },
  { name: "Product", plural: "Products", fields: [["sku", "string"], ["title", "string"], ["priceCents", "number"]] },
  { name: "Warehouse", plural: "Warehouses", fields: [["code", "string"], ["city", "string"], ["capacity", "number"]] },
  { name: "Shipment", plural: "Shipments", fields: [["orderId", "string"], ["carrier", "string"], ["trackingCode", "string"]] },
  { name: "Invoice", plural: "Invoices", fields: [["orderId", "string"], ["amountCents", "number"], ["dueDate", "string"]] },
];

function entityBlock(entity: Entity): string {
  const { name, plural } = entity;
  const store = `${name.charAt(0).toLowerCase()}${name.slice(1)}Store`;
  const fieldLines = entity.fields.map(([field, type]) => `  ${field}: ${type};`);
  const checks = entity.fields
    .filter(([, type]) => type === "string")
    .map(([field]) => `  if (!input.${field}.trim()) return { ok: false, error: "${name} ${field} is required" };`);
  return [
    `// ---- ${plural} ----`,
    "",
    `export interface ${name} {`,
    "  id: string;",
    ...fieldLines,
    "  createdAt: string;",
    "}",
    "",
    `export type New${name} = Omit<${name}, "id" | "createdAt">;`,
    "",
    `const ${store} = new Map<string, ${name}>();`,
    "",
    `export function create${name}(input: New${name}): Result<${name}> {`,
    ...checks,
    `  const record: ${name} = { ...input, id: nextId("${name.slice(0, 3).toLowerCase()}"), createdAt: now() };`,
    `  ${store}.set(record.id, record);`,
    "  return { ok: true, value: record };",
    "}",
    "",
    `export function find${name}ById(id: string): ${name} | undefined {`,
    `  return ${store}.get(id);`,
    "}",
    "",
    `export function list${plural}(page: number, size = DEFAULT_PAGE_SIZE): ${name}[] {`,
    `  return paginate([...${store}.values()], page, size);`,
    "}",
    "",
    `export function update${name}(id: string, changes: Partial<New${name}>): Result<${name}> {`,
    `  const current = ${store}.get(id);`,
    `  if (!current) return { ok: false, error: \`${name} \${id} not found\` };`,
    "  const updated = { ...current, ...changes };",
    `  ${store}.set(id, updated);`,
    "  return { ok: true, value: updated };",
    "}",
    "",
    `export function delete${name}(id: string): boolean {`,
    `  return ${store}.delete(id);`,
    "}",
  ].join("\n");
}

export const TS_PAGINATE = [
  "export function paginate<T>(items: T[], page: number, size: number): T[] {",
  "  const start = (page - 1) * size;",
  "  return items.slice(start, start + size + 1);",
  "}",
].join("\n");

export const TS_LEGACY = [
  "// Kept from the v1 CSV export; nothing calls it any more.",
  "export function legacyFormat(order: Order): string {",
  '  return [order.id, order.customerId, order.status, order.lines.length].join(";");',
  "}",
].join("\n");

export const TS_TOTAL = [
  "export function totalFor(order: Order): number {",
  "  const gross = order.lines.reduce((sum, line) => sum + line.unitPriceCents * line.quantity, 0);",
  "  return (gross * (1 + TAX_RATE)) / 100;",
  "}",
].join("\n");

const HEADER = [
  "// In-memory data layer for the order service: customers, suppliers, products, warehouses,",
  "// orders, shipments and invoices. Every function returns plain values; persistence lives elsewhere.",
  "",
  "export type Result<T> = { ok: true; value: T } | { ok: false; error: string };",
  "",
  "export const DEFAULT_PAGE_SIZE = 20;",
  "export const TAX_RATE = 0.08;",
  "",
  "let counter = 0;",
  "",
  "function nextId(prefix: string): string {",
  "  counter += 1;",
  "  return `${prefix}_${counter.toString(36)}`;",
  "}",
  "",
  "function now(): string {",
  "  return new Date().toISOString();",
  "}",
  "",
  TS_PAGINATE,
].join("\n");

const ORDERS = [
  "// ---- Orders ----",
  "",
  'export type OrderStatus = "draft" | "placed" | "shipped" | "cancelled";',
  "",
  "export interface OrderLine {",
  "  productId: string;",
  "  quantity: number;",
  "  unitPriceCents: number;",
  "}",
  "",
  "export interface Order {",
  "  id: string;",
  "  customerId: string;",
  "  status: OrderStatus;",
  "  lines: OrderLine[];",
  "  createdAt: string;",
  "}",
  "",
  "const orderStore = new Map<string, Order>();",
  "",
  "export function createOrder(customerId: string, lines: { productId: string; quantity: number }[]): Result<Order> {",
  "  const customer = findCustomerById(customerId);",
  "  if (!customer) return { ok: false, error: `Customer ${customerId} not found` };",
  '  console.log("creating order for", customer.email, lines);',
  "  const orderLines: OrderLine[] = [];",
  "  for (const line of lines) {",
  "    const product = findProductById(line.productId);",
  "    if (!product) return { ok: false, error: `Product ${line.productId} not found` };",
  "    orderLines.push({ productId: product.id, quantity: line.quantity, unitPriceCents: product.priceCents });",
  "  }",
  '  const order: Order = { id: nextId("ord"), customerId, status: "draft", lines: orderLines, createdAt: now() };',
  "  orderStore.set(order.id, order);",
  "  return { ok: true, value: order };",
  "}",
  "",
  "export function listOrders(page: number, size = DEFAULT_PAGE_SIZE): Order[] {",
  "  return paginate([...orderStore.values()], page, size);",
  "}",
  "",
  "export function placeOrder(id: string): Result<Order> {",
  "  const order = orderStore.get(id);",
  "  if (!order) return { ok: false, error: `Order ${id} not found` };",
  '  if (order.status !== "draft") return { ok: false, error: `Order ${id} is already ${order.status}` };',
  "  if (order.lines.length === 0) return { ok: false, error: `Order ${id} has no lines` };",
  '  const placed: Order = { ...order, status: "placed" };',
  "  orderStore.set(id, placed);",
  "  return { ok: true, value: placed };",
  "}",
  "",
  "export function cancelOrder(id: string): Result<Order> {",
  "  const order = orderStore.get(id);",
  "  if (!order) return { ok: false, error: `Order ${id} not found` };",
  '  if (order.status === "shipped") return { ok: false, error: `Order ${id} has already shipped` };',
  '  const cancelled: Order = { ...order, status: "cancelled" };',
  "  orderStore.set(id, cancelled);",
  "  return { ok: true, value: cancelled };",
  "}",
  "",
  TS_TOTAL,
  "",
  TS_LEGACY,
].join("\n");

export const ENTITY_BLOCKS = Object.fromEntries(ENTITIES.map((entity) => [entity.name, entityBlock(entity)])) as Record<string, string>;

export const orderService: CanvasSeed = {
  kind: "code",
  language: "typescript",
  title: "orderService.ts",
  content: [HEADER, ...ENTITIES.slice(0, 3).map(entityBlock), ORDERS, ...ENTITIES.slice(3).map(entityBlock)].join("\n\n"),
};

family("report", regionalReport);
family("orders", orderService);
