#!/usr/bin/env bash
# Scaffolds a workspace library: package.json (exports with the @mg/source condition, Nx tags) and
# tsconfig.json (project references). Source this file, then: mklib <dir> <name> <tags-json> "<dep dirs>"
# usage: mklib <dir> <name> <tags-json> <refs (space-separated dirs)> [deps-json]
mklib() {
  dir=$1; name=$2; tags=$3; refs=$4
  mkdir -p $dir/src
  refjson=""
  depjson=""
  for r in $refs; do
    rel=$(realpath --relative-to=$dir $r)
    refjson="$refjson{ \"path\": \"$rel\" },"
    rn=$(node -p "require('./$r/package.json').name")
    depjson="$depjson\"$rn\": \"*\","
  done
  refjson=${refjson%,}; depjson=${depjson%,}
  cat > $dir/package.json <<J
{
  "name": "$name",
  "version": "0.0.0",
  "private": true,
  "main": "./dist/index.js",
  "types": "./dist/index.d.ts",
  "exports": {
    ".": {
      "@mg/source": "./src/index.ts",
      "types": "./dist/index.d.ts",
      "default": "./dist/index.js"
    },
    "./package.json": "./package.json"
  },
  "dependencies": {$depjson},
  "nx": { "tags": $tags }
}
J
  base=$(realpath --relative-to=$dir tsconfig.base.json)
  cat > $dir/tsconfig.json <<J
{
  "extends": "$base",
  "compilerOptions": { "rootDir": "src", "outDir": "dist", "tsBuildInfoFile": "dist/.tsbuildinfo" },
  "include": ["src/**/*.ts"],
  "exclude": ["src/**/*.spec.ts"],
  "references": [$refjson]
}
J
  npx prettier --log-level warn --write $dir/package.json $dir/tsconfig.json
}
