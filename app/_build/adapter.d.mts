import type { NextAdapter } from "next";

/** The record's file name under the build folder. */
export declare const RECORD_FILE: string;
declare const adapter: NextAdapter;
export default adapter;
