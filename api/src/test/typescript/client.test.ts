// A client typed from the generated OpenAPI document (openapi-typescript writes target/typescript/skills-api.d.ts),
// calling the running service at SKILLS_URL with a token of SKILLS_TOKEN: if the document said something the
// service does not do, or typed a parameter wrongly, this fails to compile or to run. Run by .ci/openapi-check.
import assert from "node:assert/strict";
import type { components, paths } from "../../../target/typescript/skills-api.js";

type Skill = components["schemas"]["SkillResponse"];
type SkillInput = components["schemas"]["SkillInput"];
type Problem = components["schemas"]["Problem"];
type ListQuery = NonNullable<paths["/skills"]["get"]["parameters"]["query"]>;
type ReplaceHeaders = NonNullable<paths["/skills/{id}"]["put"]["parameters"]["header"]>;

const base = required("SKILLS_URL");
const token = required("SKILLS_TOKEN");

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

/** One call: the query typed as the document says, the body as JSON, the token on writes. */
async function call(method: string, path: string, options: { query?: ListQuery; body?: unknown; headers?: Record<string, string> } = {}) {
  const url = new URL(path, base);
  for (const [name, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && !("Authorization" in headers)) headers["Authorization"] = `Bearer ${token}`;
  return fetch(url, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
}

async function create(input: SkillInput): Promise<Skill> {
  const response = await call("POST", "/skills", { body: input });
  assert.equal(response.status, 201, await response.clone().text());
  assert.match(response.headers.get("ETag") ?? "", /^"\d+"$/);
  return (await response.json()) as Skill;
}

const run = Date.now().toString(36);
const created: Skill[] = [];
for (const name of ["Kotlin", "Rust", "Go", "Elixir", "Zig"]) {
  created.push(await create({ name: `${name} ${run}`, aliases: [`${name.toLowerCase()}-${run}`], category: "Typed client" }));
}

// A list by cursor: limit is a number in the document, so this compiles; follow Link rel="next" to the end.
const seen: number[] = [];
let next: string | null = null;
const first: ListQuery = { limit: 2, category: "Typed client", sort: "name", order: "desc" };
for (let page = 0; page < 10; page++) {
  const response: Response = next === null ? await call("GET", "/skills", { query: first }) : await call("GET", next);
  assert.equal(response.status, 200);
  const skills = (await response.json()) as Skill[];
  assert.ok(skills.length <= 2);
  seen.push(...skills.map((skill) => skill.id));
  const link = response.headers.get("Link");
  next = link === null ? null : (/<([^>]+)>;\s*rel="next"/.exec(link)?.[1] ?? null);
  if (next === null) break;
}
assert.deepEqual([...seen].sort((a, b) => a - b), created.map((skill) => skill.id).sort((a, b) => a - b));

// A stale If-Match: the first replace wins, the second (same version) is answered 412 with a typed problem.
const target = created[0]!;
const ifMatch = { "If-Match": `"${target.version}"` } satisfies ReplaceHeaders;
const replaced = await call("PUT", `/skills/${target.id}`, { body: { name: target.name, description: "Replaced" }, headers: ifMatch });
assert.equal(replaced.status, 200);
const stale = await call("PUT", `/skills/${target.id}`, { body: { name: target.name, description: "Lost" }, headers: ifMatch });
assert.equal(stale.status, 412);
assert.match(stale.headers.get("Content-Type") ?? "", /^application\/problem\+json/);
const problem = (await stale.json()) as Problem;
assert.equal(problem.status, 412);
assert.equal(problem.type, "urn:teamfinder:problem:stale-skill-version");
assert.ok(problem.detail && problem.detail.length > 0);

// A write without a token is a typed 401 problem.
const anonymous = await call("POST", "/skills", { body: { name: `Anonymous ${run}` }, headers: { Authorization: "" } });
assert.equal(anonymous.status, 401);
assert.equal(((await anonymous.json()) as Problem).status, 401);

console.log(`typed client: ${created.length} created, ${seen.length} listed by cursor, 412 and 401 read as problems`);
