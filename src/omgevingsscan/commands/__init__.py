"""CLI sub-commands, one module each, registered in :data:`omgevingsscan.cli.COMMAND_MODULES`."""
