# motcua — build, run and test.  See README.md.
#
#   make run     install what is missing, build, start everything (foreground)
#   make start   same, in the background;  make stop  stops it
#   make test    throw-away stack + every test; last line "N passed, N failed"
#   make test-dates  the unit and HTTP tests under a faked clock at four instants
#   make fuzz    run the request-parser fuzzer (FUZZ_SECONDS, default 60)
#   make bench   province-scale benchmark (see README.md)
#   make audit   sqlmap, wapiti, 1,000 connections and a SIGKILL run on a throw-away
#                stack (up to 30 minutes; docs/security.md §4); not part of make test

CC       ?= gcc
BUILD    := build
CS_CFLAGS := -I/usr/include/ClearSilver
CS_LIBS   := -lneo_cgi -lneo_cs -lneo_utl -lz
PKGS     := fcgi libqrencode libpng libsodium json-c
CFLAGS   ?= -O2 -g
CFLAGS   += -std=c17 -D_GNU_SOURCE -Wall -Wextra -Werror -Wno-unused-parameter \
            -fstack-protector-strong -D_FORTIFY_SOURCE=2 \
            -Icgi-bin/core $(CS_CFLAGS)
DEPFLAGS  = $(shell mariadb_config --cflags 2>/dev/null) $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS   += $(CS_LIBS) $(shell mariadb_config --libs 2>/dev/null) \
            $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcsv -lunistring -lm

CORE_SRC := $(wildcard cgi-bin/core/*.c)
CORE_OBJ := $(patsubst cgi-bin/core/%.c,$(BUILD)/core/%.o,$(CORE_SRC))
PROGS    := citizen officer leader admin api
BINS     := $(addprefix $(BUILD)/,$(PROGS) motcuactl)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BINS:= $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRC))

.PHONY: all deps run start stop test test-dates unit fuzz bench audit clean status

all: $(BINS)

# V=1 shows the full compiler command lines.
Q := $(if $(V),,@)

$(BUILD)/core/%.o: cgi-bin/core/%.c cgi-bin/core/*.h | $(BUILD)/core
	@echo "  CC    $<"
	$(Q)$(CC) $(CFLAGS) $(DEPFLAGS) -c -o $@ $<

$(BUILD)/libcore.a: $(CORE_OBJ)
	$(Q)ar rcs $@ $^

$(BUILD)/%: cgi-bin/%.c $(BUILD)/libcore.a cgi-bin/core/*.h
	@echo "  LD    $@"
	$(Q)$(CC) $(CFLAGS) $(DEPFLAGS) -o $@ $< $(BUILD)/libcore.a $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/tap.h $(BUILD)/libcore.a | $(BUILD)/tests
	@echo "  LD    $@"
	$(Q)$(CC) $(CFLAGS) $(DEPFLAGS) -Itests/unit -o $@ $< $(BUILD)/libcore.a $(LDLIBS)

$(BUILD)/core $(BUILD)/tests:
	mkdir -p $@

unit: $(UNIT_BINS)

deps:
	@scripts/deps.sh

run: deps
	@$(MAKE) --no-print-directory all
	@scripts/stack.sh run

start: deps
	@$(MAKE) --no-print-directory all
	@scripts/stack.sh start

stop:
	scripts/stack.sh stop

status:
	scripts/stack.sh status

test: deps
	@$(MAKE) --no-print-directory all unit
	@scripts/test.sh

test-dates: deps
	@$(MAKE) --no-print-directory all unit
	@scripts/test-dates.sh

fuzz: deps
	scripts/fuzz.sh $${FUZZ_SECONDS:-60}

bench: deps
	@$(MAKE) --no-print-directory all
	scripts/bench.sh

audit: deps
	@$(MAKE) --no-print-directory all
	@scripts/audit.sh

clean:
	rm -rf $(BUILD)
