/// Names the generator draws from: Cyrillic for the Russian billing (the demo customer), Latin for
/// the international one. Invented names; any likeness to a real company is accidental.
enum NameCatalog {
    /// Russian company names with the ASCII domain their e-mail uses.
    static let russianCompanies: [(name: String, domain: String)] = [
        ("ООО «Северный ветер»", "severny-veter.ru"),
        ("АО «Ладога Телеком»", "ladoga-telecom.ru"),
        ("ООО «Балтийские системы»", "baltsys.ru"),
        ("ООО «Уральская сеть»", "uralnet.ru"),
        ("ООО «Белый медведь»", "belmed.ru"),
        ("АО «Волжский дата-центр»", "volga-dc.ru"),
        ("ООО «Кедровая роща»", "kedr-rosha.ru"),
        ("ООО «Полярная звезда»", "polar-star.ru"),
    ]

    static let russianFirstNames = ["Иван", "Алексей", "Дмитрий", "Сергей", "Андрей", "Михаил", "Никита", "Павел"]
    static let russianLastNames = ["Петров", "Смирнов", "Кузнецов", "Соколов", "Попов", "Лебедев", "Волков", "Орлов"]
    /// Female forms, for contacts.
    static let russianContactNames: [(first: String, last: String)] = [
        ("Анна", "Морозова"), ("Елена", "Васильева"), ("Ольга", "Новикова"), ("Мария", "Фёдорова"),
        ("Татьяна", "Зайцева"), ("Наталья", "Павлова"),
    ]
    static let russianCities = ["Москва", "Санкт-Петербург", "Екатеринбург", "Казань", "Новосибирск"]
    static let russianStreets = ["ул. Ленина, д. 12", "пр. Мира, д. 7", "ул. Садовая, д. 31", "наб. Фонтанки, д. 5"]

    static let latinFirstNames = ["Emma", "Liam", "Olivia", "Noah", "Sophie", "Lukas", "Anna", "Pieter", "Marta",
                                  "James", "Clara", "Tomas", "Ines", "Victor", "Hanna", "Oscar"]
    static let latinLastNames = ["Jansen", "Miller", "de Vries", "Schmidt", "Novak", "Larsen", "Bakker", "Rossi",
                                 "Dubois", "Fischer", "Kowalski", "Berg", "Moreau", "Keller"]
    static let latinCompanies = ["Northwind Hosting B.V.", "Bluefin Labs GmbH", "Acme Analytics LLC", "Orbit Media Ltd",
                                 "Granite Data AB", "Harbor Games Inc.", "Pixelforge S.L.", "Tidewater Systems LLC"]
    static let latinCities: [(city: String, country: String)] = [
        ("Amsterdam", "NL"), ("Berlin", "DE"), ("New York", "US"), ("London", "GB"), ("Stockholm", "SE"),
        ("Madrid", "ES"), ("Warsaw", "PL"),
    ]

    static let products: [(name: String, price: Int64)] = [
        ("Dedicated server Intel Xeon E-2388G / 64 GB / 2x1 TB NVMe", 14_900),
        ("Dedicated server AMD Ryzen 9 5950X / 128 GB / 2x2 TB NVMe", 19_900),
        ("VPS v2-4 / 4 vCPU / 8 GB / 120 GB", 2_900),
        ("VPS v2-8 / 8 vCPU / 16 GB / 240 GB", 5_400),
        ("GPU server 4x RTX 4090 / AMD EPYC 9354 / 384 GB", 179_000),
        ("Dedicated server Intel Xeon Gold 6230 / 256 GB", 39_900),
    ]

    static let licenses: [(name: String, price: Int64)] = [
        ("Windows Server 2022 Standard", 2_900), ("cPanel Admin", 2_400), ("ISPmanager 6 Lite", 650),
        ("Microsoft SQL Server Web", 1_500),
    ]

    static let datacenters = ["NL", "DE", "US", "FI", "RU"]
}
