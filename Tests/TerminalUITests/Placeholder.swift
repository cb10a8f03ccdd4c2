import Testing

@Test func terminaluiBuilds() {}
