var ok = 1;
foo bar;
