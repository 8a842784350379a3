import sys

from plots.build import main

sys.exit(main())
