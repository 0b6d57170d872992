// bastion-fixture: Services/Import.cs
// expect: csharp-xxe
var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse };
// expect: csharp-xxe
var doc = new XmlDocument { XmlResolver = new XmlUrlResolver() };
