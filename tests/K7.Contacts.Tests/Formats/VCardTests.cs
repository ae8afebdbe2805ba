using System.Text;
using K7.Contacts.Formats;

namespace K7.Contacts.Tests.Formats;

public class VCardTests
{
    // Fixtures are stored with LF line breaks (the repository normalizes text files); each is also read with CRLF.
    public static TheoryData<bool> LineBreaks => new() { false, true };

    [Theory]
    [MemberData(nameof(LineBreaks))]
    public void Read_ICloudExport_MapsAppleLabelsAndTypes(bool crlf)
    {
        var cards = ReadFixture("icloud-export.vcf", crlf);

        Assert.Equal(3, cards.Count);
        var zoe = cards[0];
        Assert.Empty(zoe.Errors);
        Assert.Equal(1, zoe.Line);
        Assert.Equal("Zoë", zoe.FirstName);
        Assert.Equal("Müller", zoe.LastName);
        Assert.Equal("Ventes & Marketing", zoe.Department);
        Assert.Equal("+1 (555) 123-1111", zoe.MobileNumber);
        Assert.Equal("+1 (555) 123-2222", zoe.WorkNumber);
        Assert.Null(zoe.HomeNumber);
        Assert.Equal("zoe@example.com", zoe.Email);
        Assert.Equal(new ContactFieldSource(7, 1, "item1.TEL"), zoe.SourceOf(ContactField.MobileNumber));
        Assert.Equal(new ContactFieldSource(11, 1, "EMAIL"), zoe.SourceOf(ContactField.Email));

        var sean = cards[1];
        Assert.Empty(sean.Errors);
        Assert.Equal("Seán", sean.FirstName);
        Assert.Equal("O'Brien", sean.LastName);
        Assert.Equal("(555) 123-3333", sean.MobileNumber);
        Assert.Equal("555 123 4444", sean.HomeNumber);
        Assert.Equal("555-123-5555", sean.FaxNumber);
        Assert.Equal("555-123-6666", sean.WorkNumber);
        Assert.Equal("item2.TEL", sean.SourceOf(ContactField.WorkNumber).Name);

        var francoise = cards[2];
        Assert.Empty(francoise.Errors);
        Assert.Equal("Françoise", francoise.FirstName);
        Assert.Null(francoise.LastName);
        Assert.Equal("FN", francoise.SourceOf(ContactField.FirstName).Name);
        Assert.Null(francoise.Department);
        Assert.Equal("+33 6 12 34 56 78", francoise.MobileNumber);
        Assert.Equal("+33 1 98 76 54 32", francoise.WorkNumber);
        Assert.True(francoise.Favorite);
        Assert.Equal("CATEGORIES", francoise.SourceOf(ContactField.Favorite).Name);
        Assert.Equal(sean.Line + 13, francoise.Line);
    }

    [Theory]
    [MemberData(nameof(LineBreaks))]
    public void Read_Android21_DecodesQuotedPrintableAndBareParameters(bool crlf)
    {
        var cards = ReadFixture("android-2.1.vcf", crlf);

        Assert.Equal(2, cards.Count);
        var taro = cards[0];
        Assert.Empty(taro.Errors);
        Assert.Equal("太郎", taro.FirstName);
        Assert.Equal("山田", taro.LastName);
        Assert.Equal("+81-90-1234-5678", taro.MobileNumber);
        Assert.Equal("03-1234-5678", taro.WorkNumber);
        Assert.Equal("03-9876-5432", taro.HomeNumber);
        Assert.Equal("03-1111-2222", taro.FaxNumber);
        Assert.Equal("taro@example.jp", taro.Email);

        var maria = cards[1];
        Assert.Empty(maria.Errors);
        Assert.Equal(11, maria.Line);
        Assert.Equal("Мария", maria.FirstName);
        Assert.Equal("Александрова-Петровская", maria.LastName);
        Assert.Equal(new ContactFieldSource(13, 1, "N"), maria.SourceOf(ContactField.LastName));
        Assert.Equal("+7 912 345-67-89", maria.MobileNumber);
        Assert.Equal("+7 495 123-45-67", maria.WorkNumber);
    }

    [Theory]
    [MemberData(nameof(LineBreaks))]
    public void Read_Outlook_DecodesWindows1252QuotedPrintable(bool crlf)
    {
        var cards = ReadFixture("outlook.vcf", crlf);

        Assert.Equal(2, cards.Count);
        var renee = cards[0];
        Assert.Empty(renee.Errors);
        Assert.Equal("Renée", renee.FirstName);
        Assert.Equal("Côté", renee.LastName);
        Assert.Equal("Comptabilité", renee.Department);
        Assert.Equal("(555) 123-7777", renee.WorkNumber);
        Assert.Equal("(555) 123-8888", renee.HomeNumber);
        Assert.Equal("(555) 123-9999", renee.MobileNumber);
        Assert.Equal("(555) 123-0000", renee.FaxNumber);
        Assert.Equal("renee@contoso.com", renee.Email);

        var soren = cards[1];
        Assert.Empty(soren.Errors);
        Assert.Equal("Søren", soren.FirstName);
        Assert.Equal("Jørgensen", soren.LastName);
        Assert.Equal("+45 33 12 34 56", soren.WorkNumber);
    }

    [Theory]
    [MemberData(nameof(LineBreaks))]
    public void Read_VCard4_ReadsTelUrisAndPreferences(bool crlf)
    {
        var cards = ReadFixture("vcard4.vcf", crlf);

        Assert.Equal(2, cards.Count);
        var simone = cards[0];
        Assert.Empty(simone.Errors);
        Assert.Equal("Simone", simone.FirstName);
        Assert.Equal("Perrault", simone.LastName);
        Assert.Equal("R&D", simone.Department);
        Assert.Equal("+1-418-555-0154", simone.WorkNumber);
        Assert.Equal("+1-418-555-0101", simone.MobileNumber);
        Assert.Equal("s.perrault@example.org", simone.Email);

        var ola = cards[1];
        Assert.Empty(ola.Errors);
        Assert.Equal("+47-22-55-01-23", ola.HomeNumber);
        Assert.Equal("+47-22-55-01-99", ola.FaxNumber);
        Assert.Equal("201", ola.WorkNumber);
        Assert.Equal("201", ola.Extension);
        Assert.Equal("Oslo", ola.Site);
        Assert.Equal(ContactKind.User, ola.Kind);
        Assert.True(ola.Favorite);
        Assert.Equal("X-K7-FAVORITE", ola.SourceOf(ContactField.Favorite).Name);
    }

    [Fact]
    public void Read_Folding_JoinsContinuationLinesAndCountsPhysicalLines()
    {
        var card = ReadSingle("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Gar\r\n cia;Ti\r\n\tm;;;\r\nTEL;TYPE=CELL:555\r\n  0100\r\nEND:VCARD\r\n");

        Assert.Equal("Garcia", card.LastName);
        Assert.Equal("Tim", card.FirstName);
        Assert.Equal("555 0100", card.MobileNumber);
        Assert.Equal(6, card.SourceOf(ContactField.MobileNumber).Line);
    }

    [Fact]
    public void Read_FoldedInsideMultiByteSequence_JoinsCharacters()
    {
        // An emoji written as a surrogate pair split by a fold: the unfolded text is whole again.
        var card = ReadSingle("BEGIN:VCARD\nN:Green;Ellen \uD83D\n \uDE00;;;\nEND:VCARD\n");

        Assert.Equal("Ellen \U0001F600", card.FirstName);
    }

    [Fact]
    public void Read_BareLfAndBom_Accepted()
    {
        var card = ReadSingle("\uFEFFBEGIN:VCARD\nVERSION:3.0\nFN:Ellen Green\nEND:VCARD\n");

        Assert.Equal("Ellen", card.FirstName);
        Assert.Equal("Green", card.LastName);
    }

    [Theory]
    [InlineData(@"N:O\;Neil\, Jr.;Mary\nAnn;;;", "O;Neil, Jr.", "Mary\nAnn")]
    [InlineData(@"N:Back\\slash;A\NB;;;", @"Back\slash", "A\nB")]
    [InlineData(@"N:  Green ;  Ellen  ;;;", "Green", "Ellen")]
    [InlineData("N:Green", "Green", null)]
    [InlineData("n:Green;Ellen", "Green", "Ellen")]
    public void Read_StructuredName_SplitsOnUnescapedSemicolons(string line, string? last, string? first)
    {
        var card = ReadSingle("BEGIN:VCARD\nVERSION:3.0\n" + line + "\nEND:VCARD\n");

        Assert.Equal(last, card.LastName);
        Assert.Equal(first, card.FirstName);
    }

    [Theory]
    [InlineData("N:;;;;\nFN:Mary Ann Smith", "Mary Ann", "Smith")]
    [InlineData("FN:Cher", "Cher", null)]
    [InlineData("FN:  Ellen   Green  ", "Ellen", "Green")]
    [InlineData("N:Green;Ellen;;;\nFN:Someone Else", "Ellen", "Green")]
    [InlineData("FN:", null, null)]
    public void Read_FullName_UsedOnlyWithoutName(string lines, string? first, string? last)
    {
        var card = ReadSingle("BEGIN:VCARD\nVERSION:3.0\n" + lines + "\nEND:VCARD\n");

        Assert.Equal(first, card.FirstName);
        Assert.Equal(last, card.LastName);
    }

    [Theory]
    [InlineData("TEL;TYPE=work:1", "work")]
    [InlineData("TEL;TYPE=WORK,VOICE:1", "work")]
    [InlineData("TEL;type=WORK;type=VOICE:1", "work")]
    [InlineData("TEL;CELL;VOICE:1", "mobile")]
    [InlineData("TEL;TYPE=cell,voice:1", "mobile")]
    [InlineData("TEL;TYPE=\"cell,voice\":1", "mobile")]
    [InlineData("TEL;TYPE=mobile:1", "mobile")]
    [InlineData("TEL;type=IPHONE:1", "mobile")]
    [InlineData("TEL;type=CELL;type=VOICE;type=pref:1", "mobile")]
    [InlineData("TEL;TYPE=home:1", "home")]
    [InlineData("TEL;TYPE=home,fax:1", "fax")]
    [InlineData("TEL;TYPE=WORK,FAX:1", "fax")]
    [InlineData("TEL;FAX:1", "fax")]
    [InlineData("TEL:1", "work")]
    [InlineData("TEL;TYPE=main:1", "work")]
    [InlineData("TEL;TYPE=pref:1", "work")]
    [InlineData("TEL;TYPE=other:1", "work")]
    [InlineData("item1.TEL:1\nitem1.X-ABLabel:_$!<Mobile>!$_", "mobile")]
    [InlineData("item1.X-ABLabel:iPhone\nitem1.TEL:1", "mobile")]
    [InlineData("item1.TEL:1\nitem1.X-ABLabel:Work", "work")]
    [InlineData("item1.TEL:1\nITEM1.X-ABLABEL:_$!<Home>!$_", "home")]
    [InlineData("item1.TEL:1\nitem1.X-ABLabel:_$!<WorkFax>!$_", "fax")]
    [InlineData("item1.TEL:1\nitem1.X-ABLabel:_$!<HomeFax>!$_", "fax")]
    [InlineData("item1.TEL:1\nitem1.X-ABLabel:_$!<OtherFax>!$_", "fax")]
    [InlineData("item1.TEL:1\nitem1.X-ABLabel:_$!<Main>!$_", "work")]
    [InlineData("item1.TEL:1\nitem1.X-ABLabel:Summer house", "work")]
    [InlineData("item1.TEL;TYPE=home:1\nitem1.X-ABLabel:Summer house", "home")]
    [InlineData("item1.TEL;type=pref:1\nitem1.X-ABLabel:_$!<Mobile>!$_", "mobile")]
    [InlineData("item2.TEL:1\nitem1.X-ABLabel:_$!<Mobile>!$_", "work")]
    public void Read_Tel_MapsByTypeAndLabel(string lines, string expected)
    {
        var card = ReadSingle("BEGIN:VCARD\nVERSION:3.0\nN:A;B\n" + lines + "\nEND:VCARD\n");

        var actual = new[] { ("work", card.WorkNumber), ("mobile", card.MobileNumber), ("home", card.HomeNumber), ("fax", card.FaxNumber) }
            .Where(t => t.Item2 is not null)
            .Select(t => t.Item1);
        Assert.Equal([expected], actual);
    }

    [Fact]
    public void Read_UntypedBeforeWork_WorkNumberIsTheTypedOne()
    {
        var card = ReadSingle("BEGIN:VCARD\nTEL:100\nTEL;TYPE=WORK:200\nTEL;TYPE=WORK:300\nTEL;TYPE=CELL:400\nTEL;TYPE=CELL:500\nEND:VCARD\n");

        Assert.Equal("200", card.WorkNumber);
        Assert.Equal("400", card.MobileNumber);
        Assert.Equal(new ContactFieldSource(3, 1, "TEL"), card.SourceOf(ContactField.WorkNumber));
    }

    [Theory]
    [InlineData("4.0", "TEL;VALUE=uri;TYPE=\"work,voice\":tel:+1-555-123-1111", "+1-555-123-1111")]
    [InlineData("4.0", "TEL;VALUE=uri;TYPE=work:tel:+1-555-123-1111;ext=5555", "+1-555-123-1111")]
    [InlineData("4.0", "TEL;TYPE=work:TEL:+15551231111", "+15551231111")]
    [InlineData("4.0", "TEL;VALUE=text;TYPE=work:201", "201")]
    [InlineData("4.0", "TEL;VALUE=text;TYPE=work:tel:201", "tel:201")]
    [InlineData("3.0", "TEL;VALUE=uri;TYPE=work:tel:+15551231111", "+15551231111")]
    [InlineData("3.0", "TEL;TYPE=work:+1 555 123 1111 ext. 5", "+1 555 123 1111 ext. 5")]
    public void Read_TelValue_StripsTelUri(string version, string line, string expected)
    {
        var card = ReadSingle($"BEGIN:VCARD\nVERSION:{version}\n{line}\nEND:VCARD\n");

        Assert.Equal(expected, card.WorkNumber);
    }

    [Theory]
    [InlineData("EMAIL:a@x.com\nEMAIL:b@x.com", "a@x.com")]
    [InlineData("EMAIL:a@x.com\nEMAIL;TYPE=INTERNET;TYPE=pref:b@x.com", "b@x.com")]
    [InlineData("EMAIL;PREF=2:a@x.com\nEMAIL;PREF=1:b@x.com", "b@x.com")]
    [InlineData("EMAIL;INTERNET:a@x.com\nEMAIL;PREF;INTERNET:b@x.com", "b@x.com")]
    [InlineData("EMAIL: \nEMAIL:b@x.com", "b@x.com")]
    public void Read_Email_PrefersPreferred(string lines, string expected)
    {
        var card = ReadSingle("BEGIN:VCARD\nVERSION:3.0\n" + lines + "\nEND:VCARD\n");

        Assert.Equal(expected, card.Email);
    }

    [Theory]
    [InlineData("ORG:Acme;Sales", "Sales")]
    [InlineData("ORG:Acme;Sales;EMEA", "Sales")]
    [InlineData("ORG:;R\\;D", "R;D")]
    [InlineData("ORG:Acme", null)]
    [InlineData("ORG:Acme;  ", null)]
    public void Read_Org_SecondComponentIsDepartment(string line, string? expected)
    {
        var card = ReadSingle("BEGIN:VCARD\nVERSION:3.0\n" + line + "\nEND:VCARD\n");

        Assert.Equal(expected, card.Department);
    }

    [Theory]
    [InlineData("X-K7-KIND:Shared", ContactKind.Shared)]
    [InlineData("x-k7-kind:user", ContactKind.User)]
    [InlineData("X-K7-KIND:Personal", ContactKind.Personal)]
    [InlineData("X-K7-KIND:", null)]
    public void Read_Kind_ParsesNames(string line, ContactKind? expected)
    {
        var card = ReadSingle("BEGIN:VCARD\nVERSION:3.0\n" + line + "\nEND:VCARD\n");

        Assert.Empty(card.Errors);
        Assert.Equal(expected, card.Kind);
    }

    [Fact]
    public void Read_BadKind_IsCardError()
    {
        var card = ReadSingle("BEGIN:VCARD\nVERSION:3.0\nX-K7-KIND:1\nEND:VCARD\n");

        var error = Assert.Single(card.Errors);
        Assert.Equal(new ContactFileError(3, 1, "X-K7-KIND", error.Message), error);
        Assert.Null(card.Kind);
    }

    [Theory]
    [InlineData("CATEGORIES:Favorites", true)]
    [InlineData("CATEGORIES:Family,FAVORITES,Work", true)]
    [InlineData("CATEGORIES:Family,Favorites\\, not", false)]
    [InlineData("CATEGORIES:Family", false)]
    [InlineData("X-K7-FAVORITE:yes", true)]
    [InlineData("X-K7-FAVORITE:no", false)]
    public void Read_Favorite_FromCategoriesOrK7(string line, bool expected)
    {
        var card = ReadSingle("BEGIN:VCARD\nVERSION:3.0\n" + line + "\nEND:VCARD\n");

        Assert.Equal(expected, card.Favorite);
    }

    [Fact]
    public void Read_K7Properties_MapWithSources()
    {
        var card = ReadSingle("BEGIN:VCARD\nVERSION:3.0\nX-K7-EXTENSION: 201 \nX-K7-SITE:New York\\, 5th Ave\nEND:VCARD\n");

        Assert.Equal("201", card.Extension);
        Assert.Equal("New York, 5th Ave", card.Site);
        Assert.Equal(new ContactFieldSource(3, 1, "X-K7-EXTENSION"), card.SourceOf(ContactField.Extension));
        Assert.Equal(new ContactFieldSource(1, 0, "Email"), card.SourceOf(ContactField.Email));
    }

    [Theory]
    [InlineData("N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen", "Müller", "Jürgen")]
    [InlineData("N;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen", "Müller", "Jürgen")]
    [InlineData("N;QUOTED-PRINTABLE;CHARSET=ISO-8859-1:M=FCller;J=FCrgen", "Müller", "Jürgen")]
    [InlineData("N;ENCODING=QUOTED-PRINTABLE;CHARSET=windows-1252:M=FCller;J=FCrgen=80", "Müller", "Jürgen€")]
    [InlineData("N;ENCODING=QUOTED-PRINTABLE:M=C3=\n=BCller;J=C3=BC=\nrgen", "Müller", "Jürgen")]
    [InlineData("N;ENCODING=QUOTED-PRINTABLE:Broken=ZZ;=4", "Broken=ZZ", "=4")]
    public void Read_QuotedPrintable_DecodesBytesThenCharset(string line, string last, string first)
    {
        var card = ReadSingle("BEGIN:VCARD\nVERSION:2.1\n" + line + "\nEND:VCARD\n");

        Assert.Empty(card.Errors);
        Assert.Equal(last, card.LastName);
        Assert.Equal(first, card.FirstName);
    }

    [Fact]
    public void Read_QuotedPrintableSoftBreak_NextPropertyStillRead()
    {
        var card = ReadSingle("BEGIN:VCARD\r\nVERSION:2.1\r\nNOTE;ENCODING=QUOTED-PRINTABLE:a=\r\nb=\r\nc\r\nTEL;CELL:5\r\nEND:VCARD\r\n");

        Assert.Equal("5", card.MobileNumber);
        Assert.Equal(6, card.SourceOf(ContactField.MobileNumber).Line);
    }

    [Fact]
    public void Read_UnknownCharset_IsCardError()
    {
        var card = ReadSingle("BEGIN:VCARD\nVERSION:2.1\nN;ENCODING=QUOTED-PRINTABLE;CHARSET=X-NOPE:A;B\nEND:VCARD\n");

        var error = Assert.Single(card.Errors);
        Assert.Equal(3, error.Line);
        Assert.Equal("N", error.Field);
        Assert.Contains("CHARSET", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LongBase64Photo_SkippedWithoutError()
    {
        var photo = new string('A', 200_000);
        var folded = new StringBuilder();
        for (var i = 0; i < photo.Length; i += 74)
        {
            folded.Append(i == 0 ? string.Empty : "\r\n ").Append(photo, i, Math.Min(74, photo.Length - i));
        }

        var card = ReadSingle($"BEGIN:VCARD\r\nVERSION:3.0\r\nPHOTO;ENCODING=b;TYPE=JPEG:{folded}\r\nTEL;TYPE=CELL:5\r\nEND:VCARD\r\n");

        Assert.Empty(card.Errors);
        Assert.Equal("5", card.MobileNumber);
    }

    [Fact]
    public void Read_LongTextLine_Throws()
    {
        var text = "BEGIN:VCARD\nVERSION:3.0\nNOTE:" + new string('x', VCardLineReader.MaxLineLength) + "\nEND:VCARD\n";

        var ex = Assert.Throws<ContactFormatException>(() => VCard.Read(new StringReader(text)).ToList());

        Assert.Equal(3, ex.Line);
        Assert.Equal("NOTE", ex.Field);
    }

    [Fact]
    public void Read_HugeBinaryLine_Throws()
    {
        var text = "BEGIN:VCARD\nVERSION:3.0\nPHOTO;ENCODING=b:" + new string('A', VCardLineReader.MaxBinaryLength + 1) + "\nEND:VCARD\n";

        var ex = Assert.Throws<ContactFormatException>(() => VCard.Read(new StringReader(text)).ToList());

        Assert.Equal(3, ex.Line);
    }

    [Fact]
    public void Read_TooManyProperties_IsCardError()
    {
        var text = new StringBuilder("BEGIN:VCARD\nVERSION:3.0\nN:A;B\n");
        for (var i = 0; i < 1000; i++)
        {
            text.Append("NOTE:x\n");
        }

        text.Append("TEL;TYPE=CELL:5\nEND:VCARD\nBEGIN:VCARD\nFN:Next One\nEND:VCARD\n");
        var cards = VCard.Read(new StringReader(text.ToString())).ToList();

        var error = Assert.Single(cards[0].Errors);
        Assert.Equal(1, error.Line);
        Assert.Null(cards[0].MobileNumber);
        Assert.Empty(cards[1].Errors);
        Assert.Equal("Next", cards[1].FirstName);
    }

    [Theory]
    [InlineData("VERSION:5.0")]
    [InlineData("VERSION:")]
    [InlineData("VERSION:3")]
    public void Read_BadVersion_IsCardErrorNamingLine(string line)
    {
        var card = ReadSingle("BEGIN:VCARD\n" + line + "\nFN:Ellen Green\nEND:VCARD\n");

        var error = Assert.Single(card.Errors);
        Assert.Equal(2, error.Line);
        Assert.Equal("VERSION", error.Field);
        Assert.Equal("Ellen", card.FirstName);
    }

    [Fact]
    public void Read_MissingVersion_ReadAs30()
    {
        var card = ReadSingle("BEGIN:VCARD\nTEL:201\nEND:VCARD\n");

        Assert.Empty(card.Errors);
        Assert.Equal("201", card.WorkNumber);
    }

    [Fact]
    public void Read_Unterminated_ThrowsNamingBeginLine()
    {
        var text = "BEGIN:VCARD\nFN:A B\nEND:VCARD\n\nBEGIN:VCARD\nFN:C D\n";

        var cards = new List<ContactRecord>();
        var ex = Assert.Throws<ContactFormatException>(() => cards.AddRange(VCard.Read(new StringReader(text))));

        Assert.Single(cards);
        Assert.Equal(5, ex.Line);
        Assert.Equal("BEGIN", ex.Field);
    }

    [Fact]
    public void Read_MissingEndBeforeNextCard_ThrowsNamingFirstBegin()
    {
        var ex = Assert.Throws<ContactFormatException>(() => VCard.Read(new StringReader("BEGIN:VCARD\nFN:A B\nBEGIN:VCARD\nFN:C D\nEND:VCARD\n")).ToList());

        Assert.Equal(1, ex.Line);
    }

    [Fact]
    public void Read_EndWithoutBegin_Throws()
    {
        var ex = Assert.Throws<ContactFormatException>(() => VCard.Read(new StringReader("BEGIN:VCARD\nEND:VCARD\nEND:VCARD\n")).ToList());

        Assert.Equal(3, ex.Line);
        Assert.Equal("END", ex.Field);
    }

    [Theory]
    [InlineData("BEGIN:VCARD\nFN:A B\nthis is not a property\nEND:VCARD\n", 3)]
    [InlineData("BEGIN:VCARD\r\nFN:A B\r\n\r\n;;;\r\nEND:VCARD\r\n", 4)]
    [InlineData("BEGIN:VCARD\nTEL;TYPE=\"cell:5\nEND:VCARD\n", 2)]
    [InlineData("BEGIN:VCARD\nFN:A B\nEND:VCARD\nFN:C D\n", 4)]
    public void Read_Garbage_ThrowsNamingLine(string text, int line)
    {
        var ex = Assert.Throws<ContactFormatException>(() => VCard.Read(new StringReader(text)).ToList());

        Assert.Equal(line, ex.Line);
        Assert.Equal(1, ex.Column);
    }

    [Theory]
    [InlineData("First Name,Last Name\nEllen,Green\n", 1)]
    [InlineData("\n\n  \nhello\n", 4)]
    [InlineData("FN:Ellen\n", 1)]
    [InlineData("BEGIN:VCALENDAR\nEND:VCALENDAR\n", 1)]
    public void Read_NotVCard_Throws(string text, int line)
    {
        var ex = Assert.Throws<ContactFormatException>(() => VCard.Read(new StringReader(text)).ToList());

        Assert.Equal(line, ex.Line);
        Assert.Contains("not a vCard file", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n\r\n   \n")]
    public void Read_Empty_NoCards(string text)
    {
        Assert.Empty(VCard.Read(new StringReader(text)));
    }

    [Fact]
    public void Read_NestedAgentCard_Skipped()
    {
        var card = ReadSingle("BEGIN:VCARD\nVERSION:2.1\nN:Green;Ellen\nAGENT:\nBEGIN:VCARD\nN:Other;Agent\nTEL;CELL:9\nEND:VCARD\nTEL;CELL:5\nEND:VCARD\n");

        Assert.Equal("Ellen", card.FirstName);
        Assert.Equal("5", card.MobileNumber);
    }

    [Fact]
    public void Read_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => VCard.Read(new StringReader("BEGIN:VCARD\nEND:VCARD\n"), cts.Token).ToList());
    }

    [Fact]
    public void Read_NullReader_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => VCard.Read(null!));
    }

    [Theory]
    [InlineData("X-LABEL;LABEL=\"a^nb^^c^'d^x\":v", "a\nb^c\"d^x")]
    [InlineData("X-LABEL;LABEL=\"a;b:c\":v", "a;b:c")]
    public void TryParse_Version4Parameter_DecodesCaretsAndQuotes(string line, string expected)
    {
        var property = VCardProperty.TryParse(line, 1, caretEscapes: true);

        Assert.NotNull(property);
        Assert.Equal(expected, property.GetParameter("LABEL"));
        Assert.Equal("v", property.Value);
    }

    [Fact]
    public void TryParse_Version3Parameter_KeepsCarets()
    {
        var property = VCardProperty.TryParse("X-LABEL;LABEL=a^nb:v", 1, caretEscapes: false);

        Assert.Equal("a^nb", property?.GetParameter("LABEL"));
    }

    [Fact]
    public void Write_Version3_WritesAppleCard()
    {
        var contact = new Contact
        {
            Id = ContactId.Parse("207"),
            Kind = ContactKind.User,
            FirstName = "Tim",
            LastName = "Garcia",
            Extension = "207",
            WorkNumber = "+15551231111",
            MobileNumber = "+15551232222",
            HomeNumber = "+15551233333",
            FaxNumber = "+15551234444",
            Email = "tim@example.com",
            Site = "New York",
            Department = "Sales",
        };

        var text = WriteToString([new ContactExportItem(contact, true)]);

        Assert.Equal(
            "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Garcia;Tim;;;\r\nFN:Tim Garcia\r\nORG:;Sales\r\n"
            + "TEL;TYPE=WORK,VOICE:+15551231111\r\nTEL;TYPE=CELL,VOICE:+15551232222\r\nTEL;TYPE=HOME,VOICE:+15551233333\r\n"
            + "TEL;TYPE=WORK,FAX:+15551234444\r\nEMAIL;TYPE=INTERNET:tim@example.com\r\nX-K7-EXTENSION:207\r\n"
            + "X-K7-SITE:New York\r\nX-K7-KIND:User\r\nCATEGORIES:Favorites\r\nEND:VCARD\r\n",
            text);
    }

    [Fact]
    public void Write_Version4_WritesTelUrisAndText()
    {
        var contact = new Contact { Id = ContactId.Parse("1"), FirstName = "Ellen", WorkNumber = "+15551231111", MobileNumber = "201", Email = "e@x.com" };

        var text = WriteToString([new ContactExportItem(contact, false)], 4);

        Assert.Equal(
            "BEGIN:VCARD\r\nVERSION:4.0\r\nN:;Ellen;;;\r\nFN:Ellen\r\n"
            + "TEL;VALUE=uri;TYPE=\"work,voice\":tel:+15551231111\r\nTEL;VALUE=text;TYPE=\"cell,voice\":201\r\n"
            + "EMAIL:e@x.com\r\nEND:VCARD\r\n",
            text);
    }

    [Fact]
    public void Write_SpecialCharacters_Escaped()
    {
        var contact = new Contact { Id = ContactId.Parse("1"), FirstName = "a,b;c\\d\r\ne\rf\ng", LastName = "x" };

        var text = WriteToString([new ContactExportItem(contact, false)]);

        Assert.Contains("\r\nN:x;a\\,b\\;c\\\\d\\ne\\nf\\ng;;;\r\n", text, StringComparison.Ordinal);
        Assert.Equal("a,b;c\\d\ne\nf\ng", ReadSingle(text).FirstName);
    }

    [Fact]
    public void Write_LongMultiByteLine_FoldsAt75OctetsWithoutSplittingCharacters()
    {
        var name = string.Concat(Enumerable.Repeat("é😀日a", 40));
        var contact = new Contact { Id = ContactId.Parse("1"), FirstName = name, LastName = "Ünal" };

        var text = WriteToString([new ContactExportItem(contact, false)]);

        var lines = text.Split("\r\n");
        Assert.True(lines.Length > 10);
        foreach (var line in lines)
        {
            Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line);
            Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(line)));
        }

        Assert.Contains(lines, l => Encoding.UTF8.GetByteCount(l) >= 72);
        Assert.Equal(name, ReadSingle(text).FirstName);
    }

    [Fact]
    public void Write_NoName_WritesEmptyNameSoNoneIsRead()
    {
        var contact = new Contact { Id = ContactId.Parse("1"), Extension = "201" };

        var text = WriteToString([new ContactExportItem(contact, false)]);

        Assert.Contains("\r\nN:;;;;\r\nFN:\r\n", text, StringComparison.Ordinal);
        var card = ReadSingle(text);
        Assert.Null(card.FirstName);
        Assert.Null(card.LastName);
        Assert.Equal("201", card.Extension);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(0)]
    public void Write_BadVersion_Throws(int version)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VCard.Write(TextWriter.Null, [], version));
    }

    [Fact]
    public void Write_ManyItems_OneCardEach()
    {
        var items = Enumerable.Range(1, 3)
            .Select(i => new ContactExportItem(new Contact { Id = ContactId.Parse(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), FirstName = "N" + i }, i == 2))
            .ToList();

        var cards = VCard.Read(new StringReader(WriteToString(items))).ToList();

        Assert.Equal(["N1", "N2", "N3"], cards.Select(c => c.FirstName));
        Assert.Equal([false, true, false], cards.Select(c => c.Favorite));
    }

    private static ContactRecord ReadSingle(string text) => Assert.Single(VCard.Read(new StringReader(text)));

    private static string WriteToString(IEnumerable<ContactExportItem> items, int version = 3)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        VCard.Write(writer, items, version);
        return writer.ToString();
    }

    private static List<ContactRecord> ReadFixture(string name, bool crlf)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name), Encoding.UTF8);
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (crlf)
        {
            text = text.Replace("\n", "\r\n", StringComparison.Ordinal);
        }

        return VCard.Read(new StringReader(text)).ToList();
    }
}
