import { describe, expect, it } from "vitest";
import { type Reply, parseReply, parseRequest, serveMessage } from "../../../lib/fit/protocol";

describe("parseReply", () => {
  const cases: { name: string; input: unknown; expected: Reply | null }[] = [
    { name: "progress", input: { id: 3, type: "progress", done: 40 }, expected: { id: 3, type: "progress", done: 40 } },
    { name: "a result of a known kind", input: { id: 1, type: "result", result: { kind: "check" } }, expected: { id: 1, type: "result", result: { kind: "check" } } },
    {
      name: "an error",
      input: { id: 2, type: "error", error: { status: 422, code: "unfittable", field: "free", message: "free: no" } },
      expected: { id: 2, type: "error", error: { status: 422, code: "unfittable", field: "free", message: "free: no" } },
    },
    { name: "an error without a field", input: { id: 2, type: "error", error: { status: 500, code: "internal", field: null, message: "x" } }, expected: { id: 2, type: "error", error: { status: 500, code: "internal", field: null, message: "x" } } },
    { name: "not an object", input: "result", expected: null },
    { name: "null", input: null, expected: null },
    { name: "no id", input: { type: "progress", done: 1 }, expected: null },
    { name: "an unknown type", input: { id: 1, type: "done" }, expected: null },
    { name: "progress without a count", input: { id: 1, type: "progress", done: "40" }, expected: null },
    { name: "a result of an unknown kind", input: { id: 1, type: "result", result: { kind: "shell" } }, expected: null },
    { name: "an error with a numeric field", input: { id: 2, type: "error", error: { status: 500, code: "internal", field: 3, message: "x" } }, expected: null },
  ];
  for (const c of cases) it(c.name, () => expect(parseReply(c.input)).toEqual(c.expected));
});

describe("parseRequest", () => {
  it("takes a request with a task of a known kind", () => {
    const task = { kind: "check", problem: {} };
    expect(parseRequest({ id: 7, task })).toEqual({ id: 7, task });
  });
  for (const input of [null, { id: 7 }, { id: "7", task: { kind: "check" } }, { id: 7, task: { kind: "eval" } }]) {
    it(`refuses ${JSON.stringify(input)}`, () => expect(parseRequest(input)).toBeNull());
  }
  it("answers a message that is not a request with an error under its id", () => {
    const replies: Reply[] = [];
    serveMessage({ id: 9, task: { kind: "eval" } }, (r) => replies.push(r));
    expect(replies).toEqual([{ id: 9, type: "error", error: { status: 500, code: "internal", field: null, message: "the fit worker received a message that is not a task request" } }]);
  });
});
