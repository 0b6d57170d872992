// bastion-fixture: Services/Import.cs
// expect: xxe
var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse };
// expect: xxe
var doc = new XmlDocument { XmlResolver = new XmlUrlResolver() };
