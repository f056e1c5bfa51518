// Every capability's subcommands, in the order `threadline --help` lists them.
import type { Command } from 'commander'

export type RegisterCommands = (program: Command) => void

export const commandRegistrations: RegisterCommands[] = [
]
