import Testing

@Test func consolecoreBuilds() {}
