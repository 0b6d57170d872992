// bastion-fixture: src/main/java/com/acme/feeds/FeedResource.java
package com.acme.feeds;

import jakarta.ws.rs.*;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;

@Path("/feeds")
public class FeedResource {
    private final Client http = ClientBuilder.newClient();

    @GET
    @Path("/preview")
    public Response preview(@QueryParam("url") String feedUrl) {
// expect: ssrf
        String xml = http.target(feedUrl).request().get(String.class);
        return Response.ok(xml).build();
    }
}
