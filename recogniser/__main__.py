from recogniser.cli import main

raise SystemExit(main())
