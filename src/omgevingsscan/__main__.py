"""``python -m omgevingsscan``: the same as the ``omgevingsscan`` console script."""

import sys

from omgevingsscan.cli import main

sys.exit(main())
