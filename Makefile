# motcua — build, run and test.  See README.md.
#
#   make run     install what is missing, build, start everything (foreground)
#   make start   same, in the background;  make stop  stops it
#   make test    throw-away stack + every test; last line "N passed, N failed"
#   make test-dates  the unit and HTTP tests under a faked clock at four instants
#   make fuzz    run the request-parser fuzzer (FUZZ_SECONDS, default 60)
#   make bench   province-scale benchmark (see README.md)

# GNU make's built-in CC is "cc", which "CC ?= gcc" would keep: gcc unless CC is given.
ifeq ($(origin CC),default)
CC       := gcc
endif
BUILD    := build
CS_CFLAGS := -I/usr/include/ClearSilver
CS_LIBS   := -lneo_cgi -lneo_cs -lneo_utl -lz
PKGS     := fcgi libqrencode libpng libsodium json-c
CFLAGS   ?= -O2 -g
CFLAGS   += -std=c17 -D_GNU_SOURCE -Wall -Wextra -Werror -Wno-unused-parameter \
            -fstack-protector-strong -D_FORTIFY_SOURCE=2 \
            -Icgi-bin/core $(CS_CFLAGS)
# Each compile also writes the headers it read (NAME.d next to NAME), read back below.
DEPGEN   := -MMD -MP
LDLIBS   += $(CS_LIBS) -lcsv -lunistring -lm

# The libraries' own flags, asked once and only when something is compiled, so that
# make deps, run and test work on a machine where the packages are not there yet;
# check-libs has named whatever is missing before.
LIB_CFLAGS = $(eval LIB_CFLAGS := $(shell mariadb_config --cflags) \
                                  $(shell pkg-config --cflags $(PKGS)))$(LIB_CFLAGS)
LIB_LIBS   = $(eval LIB_LIBS := $(shell mariadb_config --libs) \
                                $(shell pkg-config --libs $(PKGS)))$(LIB_LIBS)

CORE_SRC := $(wildcard cgi-bin/core/*.c)
CORE_OBJ := $(patsubst cgi-bin/core/%.c,$(BUILD)/core/%.o,$(CORE_SRC))
PROGS    := citizen officer leader admin api
BINS     := $(addprefix $(BUILD)/,$(PROGS) motcuactl)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BINS:= $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRC))

.PHONY: all deps check-libs run start stop test test-dates unit fuzz bench clean status

all: $(BINS)

# V=1 shows the full compiler command lines.
Q := $(if $(V),,@)

check-libs:
	@scripts/check-libs.sh "$(CC)" $(PKGS)

$(BUILD)/core/%.o: cgi-bin/core/%.c | $(BUILD)/core check-libs
	@echo "  CC    $<"
	$(Q)$(CC) $(CFLAGS) $(DEPGEN) $(LIB_CFLAGS) -c -o $@ $<

$(BUILD)/libcore.a: $(CORE_OBJ)
	$(Q)rm -f $@ && ar rcs $@ $^

$(BUILD)/%: cgi-bin/%.c $(BUILD)/libcore.a | check-libs
	@echo "  LD    $@"
	$(Q)$(CC) $(CFLAGS) $(DEPGEN) $(LIB_CFLAGS) -o $@ $< $(BUILD)/libcore.a $(LDLIBS) $(LIB_LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libcore.a | $(BUILD)/tests check-libs
	@echo "  LD    $@"
	$(Q)$(CC) $(CFLAGS) $(DEPGEN) $(LIB_CFLAGS) -Itests/unit -o $@ $< $(BUILD)/libcore.a \
	    $(LDLIBS) $(LIB_LIBS)

$(BUILD)/core $(BUILD)/tests:
	mkdir -p $@

-include $(wildcard $(BUILD)/*.d $(BUILD)/core/*.d $(BUILD)/tests/*.d)

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

clean:
	rm -rf $(BUILD)
