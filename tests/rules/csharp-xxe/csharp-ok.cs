// bastion-fixture: Services/Import.cs
// ok: csharp-xxe
var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit };
var doc = new XmlDocument { XmlResolver = null };
