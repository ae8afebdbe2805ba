using BenchmarkDotNet.Attributes;
using K7.Contacts;
using K7.Contacts.Search;
using NodaTime;
using NodaTime.Testing;

namespace K7.Benchmarks.Contacts;

/// <summary>
/// The Contacts page search over 100,000 contacts: <see cref="ContactSearchIndex"/> against
/// <see cref="ReferenceContactSearch"/> (the same semantics as plain LINQ, no index), first page of 50, sorted by last name.
/// </summary>
[MemoryDiagnoser]
public class ContactSearchBenchmarks
{
    private const int ContactCount = 100_000;
    private const int OwnerCount = 8;
    private const int FavoriteCount = 60;

    private static readonly string[] FirstNames =
    [
        "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "William", "Elizabeth", "David",
        "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen", "Christopher", "Nancy",
        "Daniel", "Lisa", "Matthew", "Betty", "Anthony", "Margaret", "Mark", "Sandra", "Donald", "Ashley", "Steven",
        "Kimberly", "Paul", "Emily", "Andrew", "Donna", "Joshua", "Michelle", "Kenneth", "Dorothy", "Kevin", "Carol",
        "Brian", "Amanda", "George", "Melissa", "Edward", "Deborah", "Ronald", "Stephanie", "Timothy", "Rebecca", "Jason",
        "Sharon", "Jeffrey", "Laura", "Ryan", "Cynthia", "Jacob", "Kathleen", "Gary", "Amy", "Nicholas", "Shirley", "Eric",
        "Angela", "Jonathan", "Helen", "Stephen", "Anna", "Larry", "Brenda", "Justin", "Pamela", "Scott", "Nicole",
        "Brandon", "Emma", "Benjamin", "Samantha", "Samuel", "Katherine", "Gregory", "Christine", "Frank", "Debra",
        "Alexander", "Rachel", "Raymond", "Catherine", "Patrick", "Carolyn", "Jack", "Janet", "Dennis", "Ruth", "Jerry",
        "Maria", "Tyler", "Heather", "Aaron", "Diane", "José", "Virginia", "Adam", "Julie", "Henry", "Joyce", "Nathan",
        "Victoria", "Douglas", "Olivia", "Zachary", "Kelly", "Peter", "Christina", "Kyle", "Lauren", "Walter", "Joan",
        "Ethan", "Evelyn", "Jeremy", "Judith", "Harold", "Megan", "Keith", "Cheryl", "Christian", "Andrea", "Roger",
        "Hannah", "Noah", "Martha", "Gerald", "Jacqueline", "Carl", "Frances", "Terry", "Gloria", "Sean", "Ann",
        "Austin", "Teresa", "Arthur", "Kathryn", "Lawrence", "Sara", "Jesse", "Janice", "Dylan", "Jean", "Bryan",
        "Alice", "Joe", "Madison", "Jordan", "Doris", "Billy", "Abigail", "Bruce", "Julia", "Albert", "Judy", "Willie",
        "Grace", "Gabriel", "Denise", "Logan", "Amber", "Alan", "Marilyn", "Juan", "Beverly", "Wayne", "Danielle", "Roy",
        "Theresa", "Ralph", "Sophia", "Randy", "Marie", "Eugene", "Diana", "Vincent", "Brittany", "Russell", "Natalie",
        "Elijah", "Isabella", "Louis", "Charlotte", "Bobby", "Rose", "Philip", "Alexis", "Johnny", "Kayla", "Maggie",
        "Ellen", "Suzanne", "Tim", "Zoë", "Chloé", "Renée", "Sørina", "Jürgen", "Łukasz", "Håkon", "Bjørn", "François",
        "Inés", "Mónica", "Raúl", "Andrés", "Agnès", "Hélène", "Jörg", "Øyvind", "Małgorzata", "Zoltán", "Dvořák",
        "Ángel", "Noël", "Mårten", "Ådne", "Göran", "Ólafur", "Seán", "Siobhán", "Miloš", "Tomáš", "Marek", "Mariusz",
    ];

    private static readonly string[] LastNames =
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez",
        "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez",
        "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen",
        "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall",
        "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker",
        "Cruz", "Edwards", "Collins", "Reyes", "Stewart", "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutierrez",
        "Ortiz", "Morgan", "Cooper", "Peterson", "Bailey", "Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward",
        "Richardson", "Watson", "Brooks", "Chavez", "Wood", "James", "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes",
        "Price", "Alvarez", "Castillo", "Sanders", "Patel", "Myers", "Long", "Ross", "Foster", "Jimenez", "Powell",
        "Jenkins", "Perry", "Russell", "Sullivan", "Bell", "Coleman", "Butler", "Henderson", "Barnes", "Gonzales",
        "Fisher", "Vasquez", "Simmons", "Romero", "Jordan", "Patterson", "Alexander", "Hamilton", "Graham", "Reynolds",
        "Griffin", "Wallace", "Moreno", "West", "Cole", "Hayes", "Bryant", "Herrera", "Gibson", "Ellis", "Tran",
        "Medina", "Aguilar", "Stevens", "Murray", "Ford", "Castro", "Marshall", "Owens", "Harrison", "Fernandez",
        "McDonald", "Woods", "Washington", "Kennedy", "Wells", "Vargas", "Henry", "Chen", "Freeman", "Webb", "Tucker",
        "Guzman", "Burns", "Crawford", "Olson", "Simpson", "Porter", "Hunter", "Gordon", "Mendez", "Silva", "Shaw",
        "Snyder", "Mason", "Dixon", "Muñoz", "Hunt", "Hicks", "Holmes", "Palmer", "Wagner", "Black", "Robertson",
        "Boyd", "Rose", "Stone", "Salazar", "Fox", "Warren", "Mills", "Meyer", "Rice", "Schmidt", "Garza", "Daniels",
        "Ferguson", "Nichols", "Stephens", "Soto", "Weaver", "Ryan", "Gardner", "Payne", "Grant", "Dunn", "Kelley",
        "Spencer", "Hawkins", "Arnold", "Pierce", "Vazquez", "Hansen", "Peters", "Santos", "Hart", "Bradley", "Knight",
        "Matthews", "May", "Müller", "Schröder", "Weiß", "Straße", "Łukaszewski", "Wałęsa", "Nowák", "Dvořák", "Jørgensen",
        "Sørensen", "Ærøe", "Lefèvre", "Besançon", "Gómez", "Núñez", "Peña", "Ibáñez", "Çelik", "Öztürk", "Şahin",
        "Østergaard", "Häkkinen", "Åström", "O'Brien", "Đukić", "Kovačević", "Márquez",
    ];

    private static readonly string[] Sites = ["Boston", "Zürich", "London", "São Paulo", "Kraków"];
    private static readonly string[] Departments = ["Sales", "Support", "Engineering", "Finance", "Marketing", "Legal"];
    private static readonly string[] CountryPrefixes = ["+1", "+1", "+1", "+1", "+44", "+49", "+33", "+41"];

    private readonly HashSet<ContactId> _favorites = [];
    private ContactSearchIndex _index = null!;
    private ReferenceContactSearch _reference = null!;
    private PresenceTracker _presence = null!;
    private ContactId _viewer;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261126);
        _presence = new PresenceTracker(new FakeClock(Instant.FromUtc(2026, 11, 26, 9, 0)));
        _index = new ContactSearchIndex();
        var contacts = new List<Contact>(ContactCount);
        var owners = Enumerable.Range(0, OwnerCount).Select(i => ContactId.Parse($"u{i:000000}")).ToArray();
        _viewer = owners[0];
        for (var i = 0; i < ContactCount; i++)
        {
            var roll = random.Next(100);
            var kind = roll < 60 || i < OwnerCount ? ContactKind.User : roll < 80 ? ContactKind.Shared : ContactKind.Personal;
            var prefix = kind switch { ContactKind.User => "u", ContactKind.Shared => "s", _ => "p" };
            var contact = new Contact
            {
                Id = ContactId.Parse($"{prefix}{i:000000}"),
                Kind = kind,
                OwnerId = kind == ContactKind.Personal ? owners[random.Next(OwnerCount)] : default,
                FirstName = FirstNames[random.Next(FirstNames.Length)],
                LastName = LastNames[random.Next(LastNames.Length)],
                Extension = kind == ContactKind.User ? (10_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
                WorkNumber = random.Next(3) > 0 ? Number(random) : null,
                MobileNumber = random.Next(2) > 0 ? Number(random) : null,
                ListInDirectory = kind != ContactKind.User || random.Next(20) > 0,
                Site = kind == ContactKind.User && random.Next(2) == 0 ? Sites[random.Next(Sites.Length)] : null,
                Department = kind == ContactKind.User && random.Next(3) > 0 ? Departments[random.Next(Departments.Length)] : null,
            };
            if (i % 25_000 == 100)
            {
                contact = contact with { FirstName = "Maggie", LastName = "Matthews" };
            }

            contacts.Add(contact);
            _index.Set(contact);
            if (kind == ContactKind.User && random.Next(10) < 3)
            {
                _presence.SetState(contact.Id, (PresenceState)random.Next(1, 4));
            }
        }

        while (_favorites.Count < FavoriteCount)
        {
            var candidate = contacts[random.Next(contacts.Count)];
            if (candidate.IsVisibleTo(_viewer))
            {
                _favorites.Add(candidate.Id);
            }
        }

        _reference = new ReferenceContactSearch(contacts);
        foreach (var query in new[] { ThreeChars, ThreeDigits, FullName, OneChar, Favorites })
        {
            var expected = _reference.Search(_viewer, query, _favorites, _presence);
            var actual = _index.Search(_viewer, query, _favorites, _presence);
            if (expected.TotalCount != actual.TotalCount
                || !expected.Items.Select(m => m.Contact.Id).SequenceEqual(actual.Items.Select(m => m.Contact.Id)))
            {
                throw new InvalidOperationException($"The index and the reference disagree on '{query.Text}' ({query.Group}).");
            }

            Console.WriteLine($"// '{query.Text}' ({query.Group}): {actual.TotalCount} matches");
        }
    }

    private static ContactQuery ThreeChars { get; } = new() { Text = "mar" };

    private static ContactQuery ThreeDigits { get; } = new() { Text = "555" };

    private static ContactQuery FullName { get; } = new() { Text = "maggie mat" };

    private static ContactQuery OneChar { get; } = new() { Text = "k" };

    private static ContactQuery Favorites { get; } = new() { Group = ContactGroup.Favorites };

    [Benchmark(Baseline = true)]
    public ContactSearchResult Reference_ThreeChars() => _reference.Search(_viewer, ThreeChars, _favorites, _presence);

    [Benchmark]
    public ContactSearchResult Index_ThreeChars() => _index.Search(_viewer, ThreeChars, _favorites, _presence);

    [Benchmark]
    public ContactSearchResult Index_ThreeDigits() => _index.Search(_viewer, ThreeDigits, _favorites, _presence);

    [Benchmark]
    public ContactSearchResult Index_FullName() => _index.Search(_viewer, FullName, _favorites, _presence);

    [Benchmark]
    public ContactSearchResult Index_OneChar() => _index.Search(_viewer, OneChar, _favorites, _presence);

    [Benchmark]
    public ContactSearchResult Index_FavoritesGroup() => _index.Search(_viewer, Favorites, _favorites, _presence);

    private static string Number(Random random)
    {
        var country = CountryPrefixes[random.Next(CountryPrefixes.Length)];
        var digits = country == "+1" ? 10 : 9 + random.Next(2);
        var number = new char[digits];
        number[0] = (char)('2' + random.Next(8));
        for (var i = 1; i < digits; i++)
        {
            number[i] = (char)('0' + random.Next(10));
        }

        return country + new string(number);
    }
}
