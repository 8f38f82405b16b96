import { check } from "./common.js";

check("", new Uint8Array());
