// The pack's own tables run through the table tester that aws-guardrails/testing ships (testing/table.ts).
export * from "../testing/table";
