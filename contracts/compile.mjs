#!/usr/bin/env node
// Compiles contracts/src/*.sol with solc-js (the version pinned in the root package-lock.json) and writes
// contracts/artifacts/<Name>.json as { contractName, compiler, abi, bytecode }. Test-only contracts in
// contracts/test/*.sol go to contracts/artifacts/test/.
//
//   node contracts/compile.mjs            write the artifacts
//   node contracts/compile.mjs --check    compile in memory; exit 1 if the committed artifacts differ
//   node contracts/compile.mjs --out DIR  write the artifacts to DIR instead
//
// Every compiler setting is fixed here, so the same sources always give byte-identical artifacts.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const contractsDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.dirname(contractsDir);
// Source folder -> artifact subfolder.
const groups = [
  { folder: 'src', output: '' },
  { folder: 'test', output: 'test' },
];
const artifactsDir = path.join(contractsDir, 'artifacts');

// Packages resolve from the repository root's node_modules (NODE_PATH also works, as for require).
const require = createRequire(path.join(repoRoot, 'package.json'));
const solc = require('solc');
const moduleDirs = [
  path.join(repoRoot, 'node_modules'),
  ...(process.env.NODE_PATH ?? '').split(path.delimiter).filter(Boolean),
];

const args = process.argv.slice(2);
const check = args.includes('--check');
const outIndex = args.indexOf('--out');
const outDir = outIndex >= 0 ? path.resolve(args[outIndex + 1] ?? '') : artifactsDir;

const sources = {};
const outputFolderOf = {};
for (const group of groups) {
  const dir = path.join(contractsDir, group.folder);
  if (!fs.existsSync(dir)) continue;
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.sol')).sort()) {
    const unit = `${group.folder}/${file}`;
    sources[unit] = { content: fs.readFileSync(path.join(dir, file), 'utf8') };
    outputFolderOf[unit] = group.output;
  }
}

const input = {
  language: 'Solidity',
  sources,
  settings: {
    optimizer: { enabled: true, runs: 200 },
    evmVersion: 'cancun',
    metadata: { bytecodeHash: 'ipfs' },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};

// Imports such as "@openzeppelin/contracts/..." are read from node_modules; local ones from contracts/.
function findImports(importPath) {
  const candidates = [path.join(contractsDir, importPath), ...moduleDirs.map((dir) => path.join(dir, importPath))];
  for (const candidate of candidates) {
    if (fs.existsSync(candidate)) {
      return { contents: fs.readFileSync(candidate, 'utf8') };
    }
  }
  return { error: `File not found: ${importPath}` };
}

const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
for (const diagnostic of output.errors ?? []) {
  process.stderr.write(diagnostic.formattedMessage ?? diagnostic.message);
}
if (errors.length > 0) {
  process.exit(2);
}

const artifacts = new Map();
for (const file of Object.keys(sources)) {
  for (const [name, contract] of Object.entries(output.contracts[file] ?? {})) {
    const artifact = {
      contractName: name,
      compiler: `solc ${solc.version()}`,
      abi: contract.abi,
      bytecode: `0x${contract.evm.bytecode.object}`,
    };
    artifacts.set(path.posix.join(outputFolderOf[file], `${name}.json`), `${JSON.stringify(artifact, null, 2)}\n`);
  }
}

if (check) {
  const stale = [];
  for (const [file, text] of artifacts) {
    const committed = path.join(artifactsDir, file);
    if (!fs.existsSync(committed) || fs.readFileSync(committed, 'utf8') !== text) {
      stale.push(file);
    }
  }
  if (stale.length > 0) {
    console.error(`Artifacts differ from a fresh compile: ${stale.join(', ')}. Run: node contracts/compile.mjs`);
    process.exit(1);
  }
  console.log(`Artifacts match the sources (${[...artifacts.keys()].join(', ')}).`);
} else {
  for (const [file, text] of artifacts) {
    fs.mkdirSync(path.dirname(path.join(outDir, file)), { recursive: true });
    fs.writeFileSync(path.join(outDir, file), text);
  }
  console.log(`Wrote ${[...artifacts.keys()].join(', ')} to ${path.relative(process.cwd(), outDir) || '.'}`);
}
