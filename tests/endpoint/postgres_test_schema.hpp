// An empty place on the test PostgreSQL server for one test: a schema of its own, dropped at the end.
// The server is tests/endpoint/postgres-server's, which CTest starts for the endpoint-pg:* tests and
// whose URL is in the file MADOGUCHI_TEST_POSTGRES_URL_FILE names.
#pragma once

#include "postgres_db.hpp"

#include <cstdlib>
#include <fstream>
#include <random>
#include <stdexcept>
#include <string>

class PostgresTestSchema {
public:
    PostgresTestSchema() : name_(random_name()), admin_(server_url(), "the test server") {
        admin_.run(("CREATE SCHEMA " + name_ + "; SET search_path TO " + name_).c_str());
        const std::string base = server_url();
        url_ = base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + name_ +
               "&application_name=" + name_;
    }
    ~PostgresTestSchema() {
        try {
            admin_.run(("SET client_min_messages TO warning; DROP SCHEMA " + name_ + " CASCADE").c_str());
        } catch (const madoguchi::endpoint::StoreError&) {
            // The server is going away with the test run; the schema goes with it.
        }
    }
    PostgresTestSchema(const PostgresTestSchema&) = delete;
    PostgresTestSchema& operator=(const PostgresTestSchema&) = delete;

    // The server's URL with this schema as the search path (a store given it starts from nothing), and
    // the schema's name as application_name, so a test can find its own sessions among the run's.
    const std::string& url() const { return url_; }
    // A separate connection in this schema, as an operator's tool would use.
    madoguchi::endpoint::PgConnection& admin() { return admin_; }

    const std::string& name() const { return name_; }

    static std::string server_url() {
        const char* file = std::getenv("MADOGUCHI_TEST_POSTGRES_URL_FILE");
        if (!file) {
            throw std::runtime_error(
                "MADOGUCHI_TEST_POSTGRES_URL_FILE is not set: run through ctest (tests endpoint-pg:*), which starts "
                "the server with tests/endpoint/postgres-server");
        }
        std::string url;
        std::getline(std::ifstream(file), url);
        if (url.empty()) throw std::runtime_error(std::string("no PostgreSQL URL in ") + file);
        return url;
    }

private:
    static std::string random_name() {
        std::random_device random;
        return "test_" + std::to_string(random()) + "_" + std::to_string(random());
    }

    std::string name_;
    madoguchi::endpoint::PgConnection admin_;
    std::string url_;
};
