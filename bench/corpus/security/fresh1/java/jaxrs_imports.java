package com.acme.catalog.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

interface CatalogRepository {
    Document loadBatchXml(long batchId);
    void upsertProduct(String sku, String name, BigDecimal price);
    void restore(CatalogSnapshot snapshot);
}

class CatalogSnapshot implements Serializable {
    private static final long serialVersionUID = 1L;
    String label;
    ArrayList<String> skus = new ArrayList<>();
}

@Path("/catalog/imports")
@Produces(MediaType.APPLICATION_JSON)
class CatalogImportResource {

    private static final Logger LOG = Logger.getLogger(CatalogImportResource.class.getName());

    private static final ObjectInputFilter SNAPSHOT_FILTER = ObjectInputFilter.Config.createFilter(
            "com.acme.catalog.api.CatalogSnapshot;java.util.ArrayList;java.lang.String;maxdepth=4;maxarray=100000;!*");

    @Inject
    CatalogRepository repository;

    @POST
    @Path("/products")
    @Consumes(MediaType.APPLICATION_XML)
    public Response importProducts(InputStream body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        Document doc = builder.parse(body); // vuln: CWE-611
        int count = upsertAll(doc.getElementsByTagName("product"));
        LOG.info("imported " + count + " products");
        return Response.accepted().entity(count).build();
    }

    @POST
    @Path("/prices")
    @Consumes(MediaType.APPLICATION_XML)
    public Response importPrices(InputStream body) throws Exception {
        Document doc = hardenedBuilder().parse(body); // safe: CWE-611
        int count = upsertAll(doc.getElementsByTagName("product"));
        return Response.ok(count).build();
    }

    @GET
    @Path("/{batchId}/items")
    public List<String> findItems(@PathParam("batchId") long batchId, @QueryParam("sku") String sku) throws Exception {
        Document doc = repository.loadBatchXml(batchId);
        if (doc == null) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        XPath xpath = XPathFactory.newInstance().newXPath();
        String expr = "/catalog/product[@sku='" + sku + "']/name/text()";
        NodeList nodes = (NodeList) xpath.evaluate(expr, doc, XPathConstants.NODESET); // vuln: CWE-643
        List<String> names = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            names.add(nodes.item(i).getNodeValue());
        }
        return names;
    }

    @POST
    @Path("/snapshots")
    @Consumes("application/x-java-serialized-object")
    public Response restoreSnapshot(InputStream body) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(body)) {
            Object snapshot = in.readObject(); // vuln: CWE-502
            if (!(snapshot instanceof CatalogSnapshot)) {
                return Response.status(Response.Status.BAD_REQUEST).build();
            }
            repository.restore((CatalogSnapshot) snapshot);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/snapshots/v2")
    @Consumes("application/x-java-serialized-object")
    public Response restoreSnapshotV2(InputStream body) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(body)) {
            in.setObjectInputFilter(SNAPSHOT_FILTER);
            CatalogSnapshot snapshot = (CatalogSnapshot) in.readObject(); // safe: CWE-502
            repository.restore(snapshot);
        }
        return Response.noContent().build();
    }

    private int upsertAll(NodeList products) {
        int count = 0;
        for (int i = 0; i < products.getLength(); i++) {
            Element p = (Element) products.item(i);
            String price = p.getAttribute("price");
            repository.upsertProduct(p.getAttribute("sku"), p.getTextContent().trim(),
                    price.isEmpty() ? null : new BigDecimal(price));
            count++;
        }
        return count;
    }

    private static DocumentBuilder hardenedBuilder() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder();
    }
}
