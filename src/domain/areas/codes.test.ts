import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codeDepth, isAreaCode, isAreaLevel, isWithin, levelDepth, parentCode } from "./codes";

describe("area codes", () => {
  it.each(["31", "31.73", "31.73.01", "31.73.01.1004"])("accepts %s", (code) => {
    expect(isAreaCode(code)).toBe(true);
  });

  it.each(["", "3", "317", "31.7", "31.73.1", "31.73.01.104", "31.73.01.1004.1", "31-73", " 31"])(
    "rejects %j",
    (code) => {
      expect(isAreaCode(code)).toBe(false);
    },
  );

  it("gives each level its depth and each code its parent", () => {
    expect(levelDepth("provinsi")).toBe(1);
    expect(levelDepth("kota")).toBe(levelDepth("kabupaten"));
    expect(levelDepth("kelurahan")).toBe(codeDepth("31.73.01.1004"));
    expect(parentCode("31.73.01.1004")).toBe("31.73.01");
    expect(parentCode("31")).toBeNull();
    expect(isAreaLevel("kelurahan")).toBe(true);
    expect(isAreaLevel("desa")).toBe(false);
  });

  it("isWithin matches whole segments only", () => {
    expect(isWithin("31.73.01.1004", "31.73")).toBe(true);
    expect(isWithin("31.73", "31.73")).toBe(true);
    expect(isWithin("31.730", "31.73")).toBe(false);
    expect(isWithin("31.71.01", "31.73")).toBe(false);
  });

  it("the parent of every valid code is valid and one level up", () => {
    const segment = (digits: number) =>
      fc.integer({ min: 0, max: 10 ** digits - 1 }).map((n) => String(n).padStart(digits, "0"));
    const code = fc
      .tuple(segment(2), segment(2), segment(2), segment(4), fc.integer({ min: 2, max: 4 }))
      .map(([a, b, c, d, depth]) => [a, b, c, d].slice(0, depth).join("."));
    fc.assert(
      fc.property(code, (c) => {
        const parent = parentCode(c);
        return (
          isAreaCode(c) &&
          parent !== null &&
          isAreaCode(parent) &&
          codeDepth(parent) === codeDepth(c) - 1 &&
          isWithin(c, parent)
        );
      }),
    );
  });
});
