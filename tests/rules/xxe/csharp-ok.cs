// bastion-fixture: Services/Import.cs
// ok: xxe
var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit };
var doc = new XmlDocument { XmlResolver = null };
