package com.dominusleads.companydata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CompanySearchStreamTest {

    private static final CompanySearch SEARCH = new CompanySearch(List.of("6201501"), "SP", null, null, null, null,
            null, null, null, null, null, null, new CompanySearch.Pagination(null, 10), null);

    /** A server over {@code total} companies; records every request it gets. */
    private static final class Server implements Function<CompanySearch, Uni<CompanyPage>> {
        final List<CompanySearch> requests = new ArrayList<>();
        final int total;
        final boolean withMeta;
        final boolean withCursor;
        /** What the server says about its total: exact, or a (low) estimate. */
        Long saidTotal;
        Boolean estimated = false;
        /** The largest page the server gives, whatever is asked. */
        int maxLimit = Integer.MAX_VALUE;

        Server(int total, boolean withMeta, boolean withCursor) {
            this.total = total;
            this.withMeta = withMeta;
            this.withCursor = withCursor;
            this.saidTotal = (long) total;
        }

        @Override
        public Uni<CompanyPage> apply(CompanySearch request) {
            requests.add(request);
            int limit = Math.min(maxLimit, request.pagination().limit());
            int from = request.cursor() != null ? Integer.parseInt(request.cursor())
                    : (request.pagination().page() - 1) * limit;
            int to = Math.min(total, from + limit);
            List<CompanyDocument> data = IntStream.range(from, Math.max(from, to)).mapToObj(Server::company).toList();
            String next = withCursor && to < total ? Integer.toString(to) : null;
            return Uni.createFrom().item(new CompanyPage(withMeta ? new CompanyPage.Meta(request.pagination().page(),
                    limit, saidTotal, estimated, next, null) : null, data));
        }

        static CompanyDocument company(int i) {
            return new CompanyDocument(String.format("%014d", i), null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null);
        }
    }

    private static List<String> cnpjs(Server server, long cap) {
        return CompanySearchStream.of(server, SEARCH, cap).map(CompanyDocument::cnpj).collect().asList()
                .await().indefinitely();
    }

    @Test
    void readsEveryPageUpToTotalItemsWithoutAskingPastTheEnd() {
        Server server = new Server(25, true, false);
        assertThat(cnpjs(server, 1_000)).hasSize(25).doesNotHaveDuplicates();
        assertThat(server.requests).extracting(r -> r.pagination().page()).containsExactly(1, 2, 3);
    }

    @Test
    void followsTheCursorWhenTheServerGivesOne() {
        Server server = new Server(25, true, true);
        assertThat(cnpjs(server, 1_000)).hasSize(25).doesNotHaveDuplicates();
        assertThat(server.requests).extracting(CompanySearch::cursor).containsExactly(null, "10", "20");
        assertThat(server.requests.get(1).pagination().page()).isNull();
    }

    @Test
    void stopsAtTheCapAndFetchesNoFurtherPage() {
        Server server = new Server(10_000, true, false);
        assertThat(cnpjs(server, 15)).hasSize(15);
        assertThat(server.requests).hasSize(2);
    }

    @Test
    void withoutMetaStopsAtTheFirstShortPage() {
        Server server = new Server(20, false, false);
        assertThat(cnpjs(server, 1_000)).hasSize(20);
        assertThat(server.requests).hasSize(3); // two full pages, then an empty one ends it
        Server shortLast = new Server(23, false, false);
        assertThat(cnpjs(shortLast, 1_000)).hasSize(23);
        assertThat(shortLast.requests).hasSize(3);
    }

    @Test
    void anEstimatedTotalBelowTheRealOneDoesNotCutTheStreamShort() {
        Server server = new Server(35, true, false);
        server.saidTotal = 12L;
        server.estimated = true;
        assertThat(cnpjs(server, 1_000)).hasSize(35);
    }

    @Test
    void aServerGivingSmallerPagesThanAskedIsReadToTheEnd() {
        Server server = new Server(23, true, false);
        server.saidTotal = null;
        server.maxLimit = 4;
        assertThat(cnpjs(server, 1_000)).hasSize(23).doesNotHaveDuplicates();
    }

    @Test
    void anEmptySearchIsOneRequest() {
        Server server = new Server(0, true, false);
        assertThat(cnpjs(server, 1_000)).isEmpty();
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void aCapBelowOneIsRefused() {
        assertThatThrownBy(() -> CompanySearchStream.of(new Server(1, true, false), SEARCH, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
