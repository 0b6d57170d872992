// bastion-fixture: src/main/java/demo/JsonConfig.java
class JsonConfig {
  @Bean
  ObjectMapper mapper() {
    ObjectMapper mapper = new ObjectMapper();
// expect: jackson-default-typing
    mapper.enableDefaultTyping();
    return mapper;
  }
}
