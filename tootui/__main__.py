from tootui.cli import main

raise SystemExit(main())
