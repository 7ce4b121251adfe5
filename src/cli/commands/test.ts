/** placeholder */
import type { CommandIo } from '../io.js'
export const TEST_HELP = 'x\n'
export async function runTest(_args: readonly string[], _io: CommandIo): Promise<number> { return 0 }
