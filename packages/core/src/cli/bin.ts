import { runCli } from './index.js'
import { loadDistrictConfig } from './load-config.js'

process.exitCode = await runCli(process.argv.slice(2), { load: (path) => loadDistrictConfig(path) })
