/*
 * Preloaded into rsyslogd by the restart test: gives every listening socket the fixed receive buffer that
 * syslog-ng's so-rcvbuf() gives its source, which rsyslog's imtcp has no option for. Accepted connections inherit
 * it, and a fixed size turns off the kernel's autotuning, which grows the buffer to megabytes while the daemon is
 * slow: more than the sender's resend window, lost when the daemon is killed.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <sys/socket.h>

int listen(int fd, int backlog) {
	static int (*real_listen)(int, int);
	if (!real_listen) {
		real_listen = (int (*)(int, int)) dlsym(RTLD_NEXT, "listen");
	}
	const char *size = getenv("FIXED_RCVBUF");
	if (size) {
		int bytes = atoi(size);
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &bytes, sizeof(bytes));
	}
	return real_listen(fd, backlog);
}
