# The applications compared by run.sh, one function each, pinned to a commit. Sourced by run.sh.
#
#   REPO      GitHub owner/name (cloned through REALAPPS_GIT_URL)
#   COMMIT    the pinned commit
#   STYLE     what the model exercises (printed in the summary)
#   ROOTS     source roots (javac -sourcepath; only classes the entities reference are compiled from them)
#   ENTITIES  directories whose @Entity/@Embeddable/@MappedSuperclass/@Converter sources are the model
#   EXCLUDE   entity sources left out (with the reason in a comment), or empty
#   EXPLICIT  other sources the entities need that use Lombok, compiled explicitly (javac runs no annotation
#             processor on a source it compiles only implicitly through -sourcepath), or empty
#   DEPS      what those sources import, groupId:artifactId[:version][!] (versions from Spring Boot 3.5.7's BOM
#             when omitted; a trailing ! takes the jar without its dependencies); jakarta.persistence, Hibernate
#             and Bean Validation come with the Hibernate under test
#   JAVAX     1: the sources use javax.persistence/javax.validation and are rewritten to jakarta first (what a
#             Spring Boot 3 migration does), since Hibernate 6.6 and 7 read only jakarta
#   REWRITE   sed expressions applied to the sources after the javax rewrite (Hibernate 5 -> 6 API changes a
#             Spring Boot 3 migration makes), or empty
#   NAMINGS   naming modes compared: jpa, and spring for a Spring Boot application
#   RELEASE   javac --release

APPS_ALL="petclinic jhipster cargotracker shopizer axon eladmin apolloconfig apolloportal hertzbeat syncope kitodo ranger genie teammates openmeetings cryptomatorhub"

app_petclinic() {
    REPO=spring-projects/spring-petclinic
    COMMIT=edf4db28affcc4741c79850a3d95bc3f177b5ff9
    STYLE="Spring Boot 4, Bean Validation, @MappedSuperclass chain, one-to-many, many-to-many"
    ROOTS="src/main/java"
    ENTITIES="src/main/java"
    EXCLUDE=""
    DEPS="org.springframework:spring-context jakarta.xml.bind:jakarta.xml.bind-api"
    JAVAX=0
    NAMINGS="jpa spring"
    RELEASE=17
}

app_jhipster() {
    REPO=jhipster/jhipster-sample-app
    COMMIT=f8da577c944ecc4db46fc961a1ba022d5bbf8964
    STYLE="Spring Boot 4 (JHipster), Bean Validation, auditing superclass with entity listener, many-to-many, cache annotations"
    ROOTS="src/main/java"
    ENTITIES="src/main/java/io/github/jhipster/sample/domain"
    EXCLUDE=""
    DEPS="org.springframework.data:spring-data-jpa org.springframework:spring-aspects com.fasterxml.jackson.core:jackson-annotations org.apache.commons:commons-lang3"
    JAVAX=0
    NAMINGS="jpa spring"
    RELEASE=21
}

app_cargotracker() {
    REPO=eclipse-ee4j/cargotracker
    COMMIT=4d26b8fd59a7f0bac6e42d5d19a8cd1b379353b5
    STYLE="Jakarta EE 10 (plain JPA), embeddables and nested embeddables, enums, ordered one-to-many"
    ROOTS="src/main/java"
    ENTITIES="src/main/java/org/eclipse/cargotracker/domain src/main/java/org/eclipse/cargotracker/application/util"
    EXCLUDE=""
    DEPS="org.apache.commons:commons-lang3"
    JAVAX=0
    NAMINGS="jpa"
    RELEASE=17
}

app_shopizer() {
    REPO=shopizer-ecommerce/shopizer
    COMMIT=7460ceb86cb7c5feac5f0b057632655ae1cc9e5b
    STYLE="Spring Boot 2 e-commerce (javax, rewritten to jakarta), large model: @TableGenerator ids, embeddables, @MappedSuperclass descriptions, many-to-many, Bean Validation"
    ROOTS="sm-core-model/src/main/java"
    ENTITIES="sm-core-model/src/main/java"
    # UserConnection's @MappedSuperclass carries a @Table, which Hibernate 6 and 7 refuse at start-up ("Mapped
    # superclass ... may not specify a '@Table'"), and so does the processor now. Its @Id on
    # an @Embeddable-typed attribute, which the processor refused before issue 11, is supported now.
    EXCLUDE="sm-core-model/src/main/java/com/salesmanager/core/model/customer/connection/UserConnection.java"
    DEPS="com.fasterxml.jackson.core:jackson-databind org.slf4j:slf4j-api org.springframework:spring-web com.googlecode.json-simple:json-simple:1.1.1 org.apache.commons:commons-lang3"
    JAVAX=1
    # Hibernate 5's @Type(type = "...") no longer exists: TextType becomes Hibernate 6's LONGVARCHAR, "locale" is
    # basic; Hibernate 6 refuses @Inheritance on a @MappedSuperclass (Description), which 5 ignored, and a join
    # table's join column that is updatable = false but insertable (User.groups, Product, Customer); Hibernate 7
    # removed @org.hibernate.annotations.OrderBy(clause = ...), @SQLOrder(...) since 6.3 (no DDL effect).
    REWRITE='s/nullable = false, updatable = false\)/nullable = false)/; s/org\.hibernate\.annotations\.OrderBy;/org.hibernate.annotations.SQLOrder;/; s/@OrderBy\(clause = /@SQLOrder(/; s/@Type\(type *= *"org.hibernate.type.TextType"\)/@org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.LONGVARCHAR)/; s/@Type\(type *= *"locale"\)//; s/^@Inheritance\(strategy = InheritanceType.TABLE_PER_CLASS\)$//'
    NAMINGS="jpa spring"
    RELEASE=17
}

app_axon() {
    REPO=AxonFramework/AxonFramework
    COMMIT=a5ef2c040fea2c29b7a175a8f8f6da413ddccb8d
    STYLE="Axon Framework 4.10.3 (the tables every Axon application gets: event store, snapshots, tokens, sagas, dead letters): @IdClass composite keys, generic @MappedSuperclass chain, @Lob payloads, @Embedded"
    ROOTS="messaging/src/main/java eventsourcing/src/main/java modelling/src/main/java"
    ENTITIES="messaging/src/main/java/org/axonframework/eventhandling eventsourcing/src/main/java/org/axonframework/eventsourcing/eventstore modelling/src/main/java/org/axonframework/modelling/saga/repository/jpa"
    # The javax copies (legacyjpa packages) are the same model for Spring Boot 2 users.
    EXCLUDE="$(echo messaging/src/main/java/org/axonframework/eventhandling/deadletter/legacyjpa/{DeadLetterEntry,DeadLetterEventEntry}.java \
        messaging/src/main/java/org/axonframework/eventhandling/tokenstore/legacyjpa/TokenEntry.java \
        eventsourcing/src/main/java/org/axonframework/eventsourcing/eventstore/legacyjpa/{DomainEventEntry,SnapshotEventEntry}.java \
        modelling/src/main/java/org/axonframework/modelling/saga/repository/legacyjpa/{AssociationValueEntry,SagaEntry}.java)"
    DEPS="com.fasterxml.jackson.core:jackson-databind org.slf4j:slf4j-api com.thoughtworks.xstream:xstream:1.4.21 javax.persistence:javax.persistence-api:2.2 jakarta.annotation:jakarta.annotation-api com.google.code.findbugs:jsr305:3.0.2 javax.annotation:javax.annotation-api:1.3.2"
    JAVAX=0
    NAMINGS="jpa spring"
    RELEASE=17
}

app_eladmin() {
    REPO=elunez/eladmin
    COMMIT=be2f1370f3b9cd2e9c1369a8026f3a54073edda5
    STYLE="Spring Boot 2 admin system (javax, rewritten to jakarta): Lombok, auditing @MappedSuperclass with @CreationTimestamp, many-to-many join tables naming referencedColumnName, @OneToOne, @Column(unique), Bean Validation groups"
    ROOTS="eladmin-common/src/main/java eladmin-system/src/main/java eladmin-logging/src/main/java eladmin-tools/src/main/java eladmin-generator/src/main/java"
    ENTITIES="eladmin-system/src/main/java/me/zhengjie/modules/system/domain eladmin-system/src/main/java/me/zhengjie/modules/maint/domain eladmin-system/src/main/java/me/zhengjie/modules/quartz/domain eladmin-logging/src/main/java/me/zhengjie/domain eladmin-tools/src/main/java/me/zhengjie/domain eladmin-generator/src/main/java/me/zhengjie/domain"
    EXCLUDE=""
    DEPS="io.swagger:swagger-annotations:1.6.14 cn.hutool:hutool-all:5.8.40 com.alibaba.fastjson2:fastjson2:2.0.58 com.fasterxml.jackson.core:jackson-annotations org.apache.commons:commons-lang3 org.springframework.data:spring-data-jpa org.springframework:spring-aspects"
    JAVAX=1
    # ColumnInfo reads two constants of the code generator (GenUtil), whose imports reach the whole generator and
    # the servlet API; Role's field initializer reads a Lombok-made getter of an enum javac compiles implicitly
    # (processors, Lombok too, do not run on implicitly compiled sources): the values instead (no DDL effect).
    # Menu's two flags are written for MySQL (columnDefinition "bit(1) default 0", which PostgreSQL refuses, in
    # Hibernate's create as in ours): "boolean default false", as a move to PostgreSQL writes them.
    REWRITE='s/columnDefinition = "bit\(1\) default 0"/columnDefinition = "boolean default false"/; s/^import me\.zhengjie\.utils\.(GenUtil|enums\.DataScopeEnum);$//; s/GenUtil\.PK/"PRI"/; s/GenUtil\.EXTRA/"auto_increment"/; s/DataScopeEnum\.THIS_LEVEL\.getValue\(\)/"THIS_LEVEL"/'
    NAMINGS="jpa spring"
    RELEASE=17
}

# Apollo (Ctrip's configuration center) has two databases, each its own persistence unit: the config service's
# (ApolloConfigDB) and the portal's (ApolloPortalDB). Both map apollo-common's App and AppNamespace and the audit
# log's two tables; both have a ServerConfig entity of their own, so they cannot be one model.
apollo_common() {
    REPO=apolloconfig/apollo
    COMMIT=b4ab0ea9fb6556a8c107705f84677cc28db8f41d
    ROOTS="apollo-common/src/main/java apollo-biz/src/main/java apollo-portal/src/main/java apollo-audit/apollo-audit-annotation/src/main/java apollo-audit/apollo-audit-api/src/main/java apollo-audit/apollo-audit-impl/src/main/java"
    # Each name written in backticks (Hibernate's quoted identifiers), columnDefinition "Bit default '0'".
    DEPS="com.ctrip.framework.apollo:apollo-core:2.5.0 com.google.guava:guava:33.5.0-jre com.google.code.gson:gson org.springframework.data:spring-data-commons com.fasterxml.jackson.core:jackson-annotations org.springframework:spring-context"
    JAVAX=0
    NAMINGS="jpa spring"
    RELEASE=17
}

app_apolloconfig() {
    apollo_common
    STYLE="Spring Boot 4 (Apollo's config service): every table and column name quoted in backticks, @SQLDelete/@SQLRestriction soft deletes, columnDefinition with defaults, identity keys, @Lob, a Map through an AttributeConverter, LocalDateTime"
    ENTITIES="apollo-common/src/main/java/com/ctrip/framework/apollo/common/entity apollo-biz/src/main/java/com/ctrip/framework/apollo/biz/entity apollo-audit/apollo-audit-impl/src/main/java/com/ctrip/framework/apollo/audit/entity"
    EXCLUDE=""
}

app_apolloportal() {
    apollo_common
    STYLE="Spring Boot 4 (Apollo's portal): backtick-quoted names, soft deletes, Bean Validation (@PositiveOrZero, @NotBlank, @Pattern), @Transient"
    ENTITIES="apollo-common/src/main/java/com/ctrip/framework/apollo/common/entity apollo-portal/src/main/java/com/ctrip/framework/apollo/portal/entity/po apollo-portal/src/main/java/com/ctrip/framework/apollo/openapi/entity apollo-audit/apollo-audit-impl/src/main/java/com/ctrip/framework/apollo/audit/entity"
    EXCLUDE=""
}

app_hertzbeat() {
    REPO=apache/hertzbeat
    COMMIT=f64da5fcf70c969a333268f0273964cb06bb49d0
    STYLE="Spring Boot 4 (Apache HertzBeat, Java 25): Lombok builders, Spring Data auditing (@CreatedDate, @CreatedBy), Bean Validation (@Size, @Min, @Max, @NotBlank), JSON lists and maps through AttributeConverters, indexes and unique constraints"
    ROOTS="hertzbeat-common-spring/src/main/java hertzbeat-common-core/src/main/java"
    ENTITIES="hertzbeat-common-spring/src/main/java/org/apache/hertzbeat/common/entity"
    EXCLUDE=""
    EXPLICIT="hertzbeat-common-core/src/main/java/org/apache/hertzbeat/common/util/CommonUtil.java hertzbeat-common-core/src/main/java/org/apache/hertzbeat/common/util/IpDomainUtil.java hertzbeat-common-core/src/main/java/org/apache/hertzbeat/common/util/JsonUtil.java"
    DEPS="tools.jackson.core:jackson-databind:3.3.0 com.fasterxml.jackson.core:jackson-annotations:2.21 io.swagger.core.v3:swagger-annotations:2.2.44 org.springframework.data:spring-data-jpa org.springframework:spring-aspects org.springframework:spring-context org.springframework:spring-web com.google.code.findbugs:jsr305:3.0.2 org.apache.commons:commons-lang3 org.slf4j:slf4j-api org.apache.httpcomponents:httpclient:4.5.14"
    JAVAX=0
    # Its @Index columnLists name the physical columns of Spring's naming (monitor_id for monitorId): in jpa naming
    # those columns do not exist, which Hibernate refuses at start-up as the processor does at compile time.
    NAMINGS="spring"
    RELEASE=25
}

app_syncope() {
    REPO=apache/syncope
    COMMIT=2bdf899eae654c9b9c8d28925dde9eaf51e20529
    STYLE="Apache Syncope 4 (identity management, Hibernate 7.4, Spring Boot 4.1): 81 entities, JOINED and SINGLE_TABLE hierarchies of policies and tasks, many-to-many join tables with unique constraints, element collections, @Lob, enums, String keys from a @MappedSuperclass, Bean Validation"
    ROOTS="core/persistence-jpa/src/main/java core/persistence-api/src/main/java core/persistence-common/src/main/java core/provisioning-api/src/main/java core/spring/src/main/java common/idrepo/lib/src/main/java common/am/lib/src/main/java common/idm/lib/src/main/java common/keymaster/client-api/src/main/java common/idrepo/rest-api/src/main/java"
    ENTITIES="core/persistence-jpa/src/main/java/org/apache/syncope/core/persistence/jpa/entity"
    EXCLUDE=""
    EXPLICIT=""
    DEPS="tools.jackson.core:jackson-databind:3.3.0 com.fasterxml.jackson.core:jackson-annotations:2.21 org.apache.commons:commons-lang3:3.19.0 org.slf4j:slf4j-api org.springframework:spring-context org.springframework:spring-tx org.springframework.security:spring-security-core org.springframework.data:spring-data-commons net.tirasa.connid:connector-framework:1.6.0.0 net.tirasa.connid:connector-framework-internal:1.6.0.0 org.passay:passay:2.0.0 io.swagger.core.v3:swagger-annotations:2.2.44 com.fasterxml.uuid:java-uuid-generator:5.1.0 jakarta.ws.rs:jakarta.ws.rs-api:4.0.0 org.apache.commons:commons-text:1.15.0 jakarta.servlet:jakarta.servlet-api org.springframework.boot:spring-boot com.nimbusds:nimbus-jose-jwt:10.8"
    JAVAX=0
    NAMINGS="jpa"
    RELEASE=21
}

app_kitodo() {
    REPO=kitodo/kitodo-production
    COMMIT=2426895cd2363c530a1bf1e2b88dd81cfb27a186
    STYLE="Kitodo.Production (digitization workflows; plain Hibernate 6 with Hibernate Search): named foreign keys on every join column, many-to-many join tables, ordered one-to-many, enums, AttributeConverters, a @MappedSuperclass id"
    ROOTS="Kitodo-DataManagement/src/main/java Kitodo-API/src/main/java"
    ENTITIES="Kitodo-DataManagement/src/main/java/org/kitodo/data/database/beans Kitodo-DataManagement/src/main/java/org/kitodo/data/database/converter"
    EXCLUDE=""
    DEPS="org.apache.commons:commons-collections4:4.4 org.apache.commons:commons-lang3:3.19.0 org.apache.logging.log4j:log4j-api org.apache.commons:commons-configuration2:2.11.0 commons-io:commons-io:2.18.0 org.hibernate.search:hibernate-search-mapper-pojo-base:7.0.1.Final org.hibernate.search:hibernate-search-engine:7.0.1.Final com.github.spotbugs:spotbugs-annotations:4.8.6 org.apache.logging.log4j:log4j-1.2-api commons-beanutils:commons-beanutils:1.9.4"
    # Kitodo runs on MySQL/MariaDB: four columns are columnDefinition "longtext", which PostgreSQL refuses (in
    # Hibernate's create as in ours): "text", as a move to PostgreSQL writes them. Its DAOs, which the entities
    # import, call Session.delete and Session.load, update and saveOrUpdate, gone in Hibernate 7: their JPA names (no DDL effect).
    REWRITE='s/columnDefinition = "longtext"/columnDefinition = "text"/; s/session\.delete\(/session.remove(/; s/session\.load\(/session.getReference(/; s/session\.(update|saveOrUpdate)\(/session.merge(/'
    JAVAX=0
    NAMINGS="jpa"
    RELEASE=21
}

app_ranger() {
    REPO=apache/ranger
    COMMIT=8e7716cd3c36da395b8edc8470e328f736fbd984
    STYLE="Apache Ranger's admin database (EclipseLink, javax rewritten to jakarta): 95 flat tables with explicit names, a named sequence per table (allocation 1), @Version, @Temporal, a @MappedSuperclass chain with abstract getId(), a composite key of two @Id without @IdClass"
    ROOTS="security-admin/src/main/java"
    ENTITIES="security-admin/src/main/java/org/apache/ranger/entity"
    EXCLUDE=""
    DEPS="org.apache.commons:commons-lang3 org.springframework:spring-context org.slf4j:slf4j-api javax.xml.bind:jaxb-api:2.3.1"
    JAVAX=1
    REWRITE=""
    NAMINGS="jpa"
    RELEASE=17
}

app_genie() {
    REPO=Netflix/genie
    COMMIT=923ea15f963849b3594e1403c4a47ea8c80ac151
    STYLE="Netflix Genie 4 (Spring Boot 3, Lombok): a @MappedSuperclass chain (id, unique id, base), JSON in @Lob text through AttributeConverters, columnDefinition with a default, element collections with @OrderColumn and @MapKeyColumn, many-to-many join tables ordered by a column, Bean Validation (@Size, @Min, @Email)"
    ROOTS="genie-web/src/main/java genie-common-internal/src/main/java genie-common-external/src/main/java genie-common/src/main/java"
    ENTITIES="genie-web/src/main/java/com/netflix/genie/web/data/services/impl/jpa/entities"
    EXCLUDE=""
    EXPLICIT="genie-common-internal/src/main/java/com/netflix/genie/common/internal/dtos/AgentClientMetadata.java genie-common-internal/src/main/java/com/netflix/genie/common/internal/dtos/AgentConfigRequest.java genie-common-internal/src/main/java/com/netflix/genie/common/internal/dtos/AgentJobRequest.java genie-common-internal/src/main/java/com/netflix/genie/common/internal/dtos/ApiClientMetadata.java genie-common-internal/src/main/java/com/netflix/genie/common/internal/dtos/ApiJobRequest.java genie-common-internal/src/main/java/com/netflix/genie/common/internal/dtos/Application.java genie-common-internal/src/main/java/com/netflix/genie/common/internal/dtos/ApplicationMetadata.java genie-common-internal/src/main/java/com/netflix/genie/common/internal/dtos/ApplicationRequest.java genie-common-internal/src/main/java/com/netflix/genie/common/internal/dtos/ClientMetadata.java genie-common-internal/src/main/java/com/netflix/genie/common/internal/dtos/Cluster.java genie-common-internal/src/main/java/com/netflix/genie/common/internal/dtos/ClusterMetadata.java genie-common-internal/src/main/java/com/netflix/genie/common/internal/dtos/ClusterRequest.java genie-common-internal/src/main/java/com/netflix/genie/common/internal/dtos/Command.java genie-common-internal/src/main/java/com/netflix/genie/common/internal/dtos/CommandMetadata.java genie-common-internal/src/main/java/com/netflix/genie/common/internal/dtos/CommandRequest.java genie-common-internal/src/main/java/com/netflix/genie/common/internal/dtos/CommonMetadata.java genie-common-internal/src/main/java/com/netflix/genie/common/internal/dtos/CommonRequestImpl.java genie-common-internal/src/main/java/com/netflix/genie/common/internal/dtos/CommonResource.java genie-common-internal/src/main/java/com/netflix/genie/common/internal/dtos/Criterion.java genie-common-internal/src/main/java/com/netflix/genie/common/internal/dtos/ExecutionEnvironment.java genie-common-internal/src/main/java/com/netflix/genie/common/internal/dtos/ExecutionResourceCriteria.java genie-common-internal/src/main/java/com/netflix/genie/common/internal/dtos/FinishedJob.java genie-common-internal/src/main/java/com/netflix/genie/common/internal/dtos/JobEnvironment.java genie-common-internal/src/main/java/com/netflix/genie/common/internal/dtos/JobEnvironmentRequest.java genie-common-internal/src/main/java/com/netflix/genie/common/internal/dtos/JobMetadata.java genie-common-internal/src/main/java/com/netflix/genie/common/internal/dtos/JobRequest.java genie-common-internal/src/main/java/com/netflix/genie/common/internal/dtos/JobRequestMetadata.java genie-common-internal/src/main/java/com/netflix/genie/common/internal/dtos/JobSpecification.java genie-common-internal/src/main/java/com/netflix/genie/common/internal/dtos/JobStatus.java genie-common-internal/src/main/java/com/netflix/genie/common/internal/dtos/ResolvedResources.java genie-common/src/main/java/com/netflix/genie/common/dto/Application.java genie-common/src/main/java/com/netflix/genie/common/dto/BaseDTO.java genie-common/src/main/java/com/netflix/genie/common/dto/Cluster.java genie-common/src/main/java/com/netflix/genie/common/dto/ClusterCriteria.java genie-common/src/main/java/com/netflix/genie/common/dto/Command.java genie-common/src/main/java/com/netflix/genie/common/dto/CommonDTO.java genie-common/src/main/java/com/netflix/genie/common/dto/Criterion.java genie-common/src/main/java/com/netflix/genie/common/dto/ExecutionEnvironmentDTO.java genie-common/src/main/java/com/netflix/genie/common/dto/Job.java genie-common/src/main/java/com/netflix/genie/common/dto/JobExecution.java genie-common/src/main/java/com/netflix/genie/common/dto/JobMetadata.java genie-common/src/main/java/com/netflix/genie/common/dto/JobRequest.java genie-common/src/main/java/com/netflix/genie/common/dto/JobStatus.java genie-common/src/main/java/com/netflix/genie/common/dto/ResolvedResources.java genie-common/src/main/java/com/netflix/genie/common/dto/UserResourcesSummary.java genie-web/src/main/java/com/netflix/genie/web/data/services/impl/jpa/listeners/JobEntityListener.java"
    # PredicateUtils, which the entities import, reads TagEntity_, the static metamodel Genie's build generates
    # with Hibernate's metamodel processor: the attribute by its name instead; JobEntity's entity listener is a
    # Spring bean (constructor injection), which Hibernate outside Spring cannot make: an empty listener list (no
    # DDL effect).
    REWRITE='s/^        JobEntityListener\.class$//; s/^import com\.netflix\.genie\.web\.data\.services\.impl\.jpa\.entities\.TagEntity_;$//; s/tagJoin\.get\(TagEntity_\.tag\)/tagJoin.<String>get("tag")/'
    DEPS="com.google.guava:guava:33.5.0-jre com.fasterxml.jackson.core:jackson-databind org.apache.commons:commons-lang3 org.slf4j:slf4j-api com.google.code.findbugs:jsr305:3.0.2 com.github.spotbugs:spotbugs-annotations:4.8.6 javax.validation:validation-api:2.0.1.Final com.fasterxml.jackson.datatype:jackson-datatype-jdk8 com.fasterxml.jackson.datatype:jackson-datatype-jsr310 org.apache.commons:commons-text:1.15.0 jakarta.annotation:jakarta.annotation-api org.springframework:spring-context"
    JAVAX=0
    NAMINGS="jpa spring"
    RELEASE=17
}

app_teammates() {
    REPO=TEAMMATES/teammates
    COMMIT=66a575eb4e53b7156401f912cb8116bed88780ef
    STYLE="TEAMMATES (plain Hibernate, PostgreSQL; its schema kept with Liquibase's Hibernate diff): UUID keys, a @MappedSuperclass with @CreationTimestamp, SINGLE_TABLE hierarchies of ten question and ten response types with JSON details through AttributeConverters, @OnDelete(CASCADE), @UpdateTimestamp, unique constraints over several columns"
    ROOTS="src/main/java"
    ENTITIES="src/main/java/teammates/storage/entity"
    EXCLUDE=""
    EXPLICIT=""
    DEPS="tools.jackson.core:jackson-databind:3.3.0 com.fasterxml.jackson.core:jackson-annotations:2.21 commons-lang:commons-lang:2.6 jakarta.annotation:jakarta.annotation-api com.google.guava:guava:33.5.0-jre jakarta.servlet:jakarta.servlet-api com.googlecode.owasp-java-html-sanitizer:owasp-java-html-sanitizer:20260102.1"
    JAVAX=0
    REWRITE=""
    NAMINGS="jpa"
    RELEASE=21
}

app_openmeetings() {
    REPO=apache/openmeetings
    COMMIT=32adbc8efd8a3b9a0f6c59632cc2a4749f67a216
    STYLE="Apache OpenMeetings (OpenJPA 4, Spring 7, Wicket 10; compared as a move to Hibernate would run it): JAXB-annotated entities, a @MappedSuperclass with soft-delete flag, SINGLE_TABLE file items, element collections, @Lob, enums, java.util.Date without @Temporal, OpenJPA's @ForeignKey and fetch groups"
    ROOTS="openmeetings-db/src/main/java openmeetings-util/src/main/java"
    ENTITIES="openmeetings-db/src/main/java/org/apache/openmeetings/db/entity"
    EXCLUDE=""
    EXPLICIT=""
    DEPS="org.apache.openjpa:openjpa:4.1.1 org.apache.wicket:wicket-util:10.8.0 org.apache.wicket:wicket-core:10.8.0 org.springframework:spring-context:7.0.8 org.springframework:spring-tx:7.0.8 org.springframework:spring-web:7.0.8 jakarta.xml.bind:jakarta.xml.bind-api org.apache.commons:commons-lang3:3.19.0 org.slf4j:slf4j-api ch.qos.logback:logback-classic com.github.openjson:openjson:1.0.13 jakarta.servlet:jakarta.servlet-api org.apache.wicket:wicket-extensions:10.8.0 org.mnode.ical4j:ical4j:4.0.8 org.dom4j:dom4j:2.1.4 org.bouncycastle:bcprov-jdk18on:1.80 commons-codec:commons-codec org.apache.commons:commons-text:1.15.0 commons-io:commons-io:2.18.0"
    JAVAX=0
    # Two mappings OpenJPA accepts and Hibernate refuses at start-up, as the processor now does (both found here):
    # AsteriskSipUser numbers sip_db_id with @GeneratedValue, not on its id: the annotation removed; Room.files is a
    # @OneToMany with a NOT NULL @JoinColumn(name = "room_id"), which RoomFile.roomId maps too, and User.groupUsers
    # one on "user_id", which GroupUser.user maps too: roomId and user made read-only, as Hibernate's message says
    # (the collection then writes the column). None of it changes a column.
    REWRITE='/^\t@GeneratedValue\(strategy = GenerationType\.IDENTITY\)$/{N;s/^\t@GeneratedValue\(strategy = GenerationType\.IDENTITY\)\n(\t@Column\(name = "sip_db_id")/\1/}; /^\t@Column\(name = "room_id"\)$/{N;s/^\t@Column\(name = "room_id"\)\n(\t@XmlElement\(name = "roomId"\))/\t@Column(name = "room_id", insertable = false, updatable = false)\n\1/}; s/^\t@JoinColumn\(name = "user_id", insertable = true, updatable = true\)$/\t@JoinColumn(name = "user_id", insertable = false, updatable = false)/'
    NAMINGS="jpa"
    RELEASE=21
}

app_cryptomatorhub() {
    REPO=cryptomator/hub
    COMMIT=28084b7f0a904cb1218a32e6cab03d8a3cf85019
    STYLE="Cryptomator Hub (Quarkus 3.20 with Panache repositories; its schema kept with Flyway scripts): a JOINED hierarchy with a discriminator column (users and groups), a JOINED hierarchy of audit events, @EmbeddedId keys, @Immutable entities over database views, a String[] through a custom UserType, many-to-many join tables"
    ROOTS="backend/src/main/java"
    ENTITIES="backend/src/main/java/org/cryptomator/hub/entities"
    # EffectiveWot is a view its Flyway scripts create; its String[] column goes through a UserType (@Type), whose
    # type Hibernate's create cannot render (6.6: CustomType is not a BasicPluralType) and which the processor asks
    # to be given with columnDefinition. The other @Immutable entities over views are tables in both creates.
    EXCLUDE="backend/src/main/java/org/cryptomator/hub/entities/EffectiveWot.java"
    EXPLICIT=""
    # The Panache interfaces the repositories implement, without Quarkus' dependency tree.
    DEPS="io.quarkus:quarkus-hibernate-orm-panache:3.33.2! io.quarkus:quarkus-panache-common:3.33.2! io.quarkus:quarkus-panache-hibernate-common:3.33.2! jakarta.enterprise:jakarta.enterprise.cdi-api:4.1.0"
    JAVAX=0
    REWRITE=""
    NAMINGS="jpa"
    RELEASE=21
}
