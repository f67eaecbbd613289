// node fuzz/compile.mjs IN.ts OUT.mjs: one TypeScript module to JavaScript (types stripped).
import { readFileSync, writeFileSync } from 'node:fs';
import ts from 'typescript';

const [input, output] = process.argv.slice(2);
const options = { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 };
writeFileSync(output, ts.transpileModule(readFileSync(input, 'utf8'), { compilerOptions: options }).outputText);
