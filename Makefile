# motcua — build, run, test and install.  See README.md.
#
#   make run     install what is missing, build, start everything (foreground)
#   make start   same, in the background;  make stop  stops it
#   make test    throw-away stack + every test; last line "N passed, N failed"
#   make test-dates  the unit and HTTP tests under a faked clock at four instants
#   make fuzz    run the request-parser fuzzer (FUZZ_SECONDS, default 60)
#   make bench   province-scale benchmark (see docs/bench.md)
#   make install install under DESTDIR and PREFIX (default /usr/local); make uninstall
#   make format-check  C code against .clang-format (see scripts/format-check.sh)
#   make audit   sqlmap, wapiti, 1,000 connections and a SIGKILL run on a throw-away
#                stack (up to 30 minutes; docs/security.md §4); not part of make test
#   make test-cluster  a 3-node Galera cluster, two app hosts and a front nginx on
#                loopback: the HTTP tests through the front and a SIGKILL durability
#                run (under 10 minutes; scripts/cluster.sh); not part of make test
#   make deb     the Debian package motcua_VERSION_ARCH.deb (debian/), lintian-checked
#   make deb-check  make deb, then install, set up, serve, remove and purge it on
#                this machine: a fresh Debian 12 only (scripts/deb-check.sh)

# GNU make's built-in CC is "cc", which "CC ?= gcc" would keep: gcc unless CC is given.
ifeq ($(origin CC),default)
CC       := gcc
endif
BUILD    := build
# the one place of the version: the man pages and debian/changelog agree with it
# (scripts/docs-check.sh)
VERSION  := $(shell cat VERSION)
CS_CFLAGS := -I/usr/include/ClearSilver
CS_LIBS   := -lneo_cgi -lneo_cs -lneo_utl -lz
PKGS     := fcgi libqrencode libpng libsodium json-c libcurl
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
# operator-only code (the demo generator): linked into motcuactl alone
CTL_SRC  := $(wildcard cgi-bin/ctl/*.c)
CTL_OBJ  := $(patsubst cgi-bin/ctl/%.c,$(BUILD)/ctl/%.o,$(CTL_SRC))
PROGS    := citizen officer leader admin api
BINS     := $(addprefix $(BUILD)/,$(PROGS) motcuactl)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BINS:= $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRC))
# the store's tests, against a database of their own (scripts/store-tests.sh)
STORE_SRC := $(wildcard tests/store/test_*.c)
STORE_BINS:= $(patsubst tests/store/%.c,$(BUILD)/store/%,$(STORE_SRC))

.PHONY: all deps check-libs run start stop test test-dates test-cluster unit store fuzz bench audit clean \
        status install uninstall format-check deb deb-check

all: $(BINS)

# V=1 shows the full compiler command lines.
Q := $(if $(V),,@)

check-libs:
	@scripts/check-libs.sh "$(CC)" $(PKGS)

$(BUILD)/core/%.o: cgi-bin/core/%.c | $(BUILD)/core check-libs
	@echo "  CC    $<"
	$(Q)$(CC) $(CFLAGS) $(DEPGEN) $(LIB_CFLAGS) -c -o $@ $<

$(BUILD)/ctl/%.o: cgi-bin/ctl/%.c | $(BUILD)/ctl check-libs
	@echo "  CC    $<"
	$(Q)$(CC) $(CFLAGS) $(DEPGEN) $(LIB_CFLAGS) -Icgi-bin/ctl -c -o $@ $<

$(BUILD)/libcore.a: $(CORE_OBJ)
	$(Q)rm -f $@ && ar rcs $@ $^

$(BUILD)/%: cgi-bin/%.c $(BUILD)/libcore.a | check-libs
	@echo "  LD    $@"
	$(Q)$(CC) $(CFLAGS) $(DEPGEN) $(LIB_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libcore.a $(LDLIBS) $(LIB_LIBS)

$(BUILD)/motcuactl: cgi-bin/motcuactl.c $(CTL_OBJ) $(BUILD)/libcore.a | check-libs
	@echo "  LD    $@"
	$(Q)$(CC) $(CFLAGS) $(DEPGEN) $(LIB_CFLAGS) -Icgi-bin/ctl -o $@ $< $(CTL_OBJ) $(BUILD)/libcore.a \
	    $(LDLIBS) $(LIB_LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libcore.a | $(BUILD)/tests check-libs
	@echo "  LD    $@"
	$(Q)$(CC) $(CFLAGS) $(DEPGEN) $(LIB_CFLAGS) $(LDFLAGS) -Itests/unit -o $@ $< $(BUILD)/libcore.a \
	    $(LDLIBS) $(LIB_LIBS)

$(BUILD)/store/%: tests/store/%.c $(BUILD)/libcore.a | $(BUILD)/store check-libs
	@echo "  LD    $@"
	$(Q)$(CC) $(CFLAGS) $(DEPGEN) $(LIB_CFLAGS) $(LDFLAGS) -Itests/unit -Itests/store -o $@ $< \
	    $(BUILD)/libcore.a $(LDLIBS) $(LIB_LIBS)

$(BUILD)/core $(BUILD)/ctl $(BUILD)/tests $(BUILD)/store:
	mkdir -p $@

-include $(wildcard $(BUILD)/*.d $(BUILD)/core/*.d $(BUILD)/ctl/*.d $(BUILD)/tests/*.d \
                    $(BUILD)/store/*.d)

unit: $(UNIT_BINS)

store: $(STORE_BINS)

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
	@$(MAKE) --no-print-directory all unit store
	@scripts/test.sh

test-dates: deps
	@$(MAKE) --no-print-directory all unit
	@scripts/test-dates.sh

fuzz: deps
	scripts/fuzz.sh $${FUZZ_SECONDS:-60}

bench: deps
	@$(MAKE) --no-print-directory all
	scripts/bench.sh

format-check:
	@scripts/format-check.sh

audit: deps
	@$(MAKE) --no-print-directory all
	@scripts/audit.sh

test-cluster: deps
	@$(MAKE) --no-print-directory all
	@scripts/cluster.sh

# ---- install ----------------------------------------------------------------
# make install [PREFIX=/usr/local] [DESTDIR=] puts
#   the five FastCGI programs and motcuactl  $(PREFIX)/lib/motcua/
#   motcuactl, a link to it                   $(PREFIX)/sbin/motcuactl
#   templates/, sql/, www/, nginx/motcua.conf, motcua.hdf.example
#                                             $(PREFIX)/share/motcua/
#   nginx/nginx.conf (1,000+ connections)      $(PREFIX)/share/motcua/nginx/
#   the routing and the http-level settings the site includes, filled
#                                             $(NGINXDIR)/motcua-routes.conf, motcua-http.conf
#   the systemd units                         $(PREFIX)/lib/systemd/system/
#   the man pages                             $(PREFIX)/share/man/manN/
# The configuration itself ($(SYSCONFDIR)/motcua/motcua.hdf) is the operator's and never
# written.  Paths written in the installed units, example configuration, nginx files
# and man pages follow PREFIX, SYSCONFDIR and NGINXDIR.  scripts/install-check.sh tests all this.
PREFIX     ?= /usr/local
SYSCONFDIR  = /etc
NGINXDIR    = /etc/nginx
PKGLIBDIR   = $(PREFIX)/lib/motcua
SBINDIR     = $(PREFIX)/sbin
PKGDATADIR  = $(PREFIX)/share/motcua
MANDIR      = $(PREFIX)/share/man
UNITDIR     = $(PREFIX)/lib/systemd/system
RUNDIR     := /run/motcua
POST_BURST := 10
STAFF_BURST := 60
POST_RATE  := 30r/m
STAFF_RATE := 300r/m
INSTALL    ?= install
UNITS      := $(wildcard etc/systemd/*.service etc/systemd/*.target etc/systemd/*.timer)
MANPAGES   := $(wildcard cgi-bin/*.[1-8] docs/*.[1-8] man/*.[1-8])
D           = $(DESTDIR)

# the sources name the default locations; the installed copies name the chosen ones
SUBST = sed -e 's|/usr/lib/motcua|$(PKGLIBDIR)|g' -e 's|/usr/share/motcua|$(PKGDATADIR)|g' \
            -e 's|/etc/motcua/|$(SYSCONFDIR)/motcua/|g' \
            -e 's|/etc/nginx/motcua-routes.conf|$(NGINXDIR)/motcua-routes.conf|g' \
            -e 's|/etc/nginx/motcua-http.conf|$(NGINXDIR)/motcua-http.conf|g'
# $(call subst_to,SOURCE,DEST): install a text file with the installed paths, mode 0644
subst_to = $(SUBST) $1 > $2 && chmod 0644 $2

install: all
	$(INSTALL) -d $(D)$(PKGLIBDIR) $(D)$(SBINDIR) $(D)$(PKGDATADIR)/nginx \
	    $(D)$(NGINXDIR) $(D)$(UNITDIR)
	$(INSTALL) -m 0755 $(BINS) $(D)$(PKGLIBDIR)/
	ln -sfn $(shell realpath -m --relative-to=$(SBINDIR) $(PKGLIBDIR)/motcuactl) \
	    $(D)$(SBINDIR)/motcuactl
	for f in $$(find templates sql www -type f ! -name '*~' ! -name '.*' | sort); do \
	    $(INSTALL) -D -m 0644 "$$f" "$(D)$(PKGDATADIR)/$$f" || exit 1; \
	done
	$(call subst_to,etc/motcua.hdf.example,$(D)$(PKGDATADIR)/motcua.hdf.example)
	$(call subst_to,nginx/motcua.conf,$(D)$(PKGDATADIR)/nginx/motcua.conf)
	$(call subst_to,nginx/nginx.conf,$(D)$(PKGDATADIR)/nginx/nginx.conf)
	sed -e 's|@ROOT@|$(PKGDATADIR)|g' -e 's|@RUN@|$(RUNDIR)|g' \
	    -e 's|@POST_BURST@|$(POST_BURST)|g' -e 's|@STAFF_BURST@|$(STAFF_BURST)|g' \
	    nginx/routes.conf > $(D)$(NGINXDIR)/motcua-routes.conf
	sed -e 's|@POST_RATE@|$(POST_RATE)|g' -e 's|@STAFF_RATE@|$(STAFF_RATE)|g' \
	    nginx/http.conf > $(D)$(NGINXDIR)/motcua-http.conf
	chmod 0644 $(D)$(NGINXDIR)/motcua-routes.conf $(D)$(NGINXDIR)/motcua-http.conf
	for u in $(UNITS); do \
	    $(call subst_to,$$u,$(D)$(UNITDIR)/$$(basename $$u)) || exit 1; \
	done
	for m in $(MANPAGES); do \
	    s=$${m##*.}; $(INSTALL) -d $(D)$(MANDIR)/man$$s && \
	    $(call subst_to,$$m,$(D)$(MANDIR)/man$$s/$$(basename $$m)) || exit 1; \
	done

uninstall:
	rm -rf $(D)$(PKGLIBDIR) $(D)$(PKGDATADIR)
	rm -f $(D)$(SBINDIR)/motcuactl $(D)$(NGINXDIR)/motcua-routes.conf \
	    $(D)$(NGINXDIR)/motcua-http.conf \
	    $(addprefix $(D)$(UNITDIR)/,$(notdir $(UNITS))) \
	    $(foreach m,$(MANPAGES),$(D)$(MANDIR)/man$(subst .,,$(suffix $(m)))/$(notdir $(m)))

clean:
	rm -rf $(BUILD)

# ---- Debian package -----------------------------------------------------------
# dpkg-buildpackage runs on a copy of the tree (the files git tracks or would add)
# in $(BUILD)/deb, so that its clean step and its output stay out of the work tree.
DEBARCH = $(shell dpkg --print-architecture)
DEBFILE = motcua_$(VERSION)_$(DEBARCH).deb
DEBSRC  = $(BUILD)/deb/motcua-$(VERSION)

deb:
	@scripts/deps.sh deb
	rm -rf $(BUILD)/deb && mkdir -p $(DEBSRC)
	git ls-files -co --exclude-standard | while IFS= read -r f; do \
	    [ -e "$$f" ] && printf '%s\n' "$$f"; done | tar -cf - -T - | tar -xf - -C $(DEBSRC)
	@v=$$(cd $(DEBSRC) && dpkg-parsechangelog -S Version); [ "$$v" = "$(VERSION)" ] || \
	    { echo "debian/changelog says $$v, VERSION says $(VERSION)" >&2; exit 1; }
	cd $(DEBSRC) && dpkg-buildpackage -b -us -uc
	cp $(BUILD)/deb/$(DEBFILE) .
	lintian --fail-on error,warning $(DEBFILE)
	@echo "deb: $(DEBFILE)"

deb-check:
	@scripts/deb-check.sh
